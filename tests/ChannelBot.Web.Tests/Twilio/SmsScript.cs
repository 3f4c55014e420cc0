using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>A pothole report texted the way a resident would on SMS (numbered choices, SKIP); returns the ticket.</summary>
internal static class SmsScript
{
    public static readonly string[] Texts = ["there is a big pothole", "123 Main St", "2", "5", "deep hole", "no photo", "skip", "yes", "1"];

    /// <summary>The same report on WhatsApp, which also asks whether the description may go on the public map ("no").</summary>
    public static readonly string[] WhatsAppTexts = ["there is a big pothole", "123 Main St", "2", "5", "deep hole", "no", "no photo", "skip", "yes", "1"];

    public static async Task<string> ReportPotholeAsync(SmsPhone phone)
    {
        var answer = string.Empty;
        foreach (var text in Texts)
        {
            answer = await phone.TextAsync(text);
        }

        var ticket = System.Text.RegularExpressions.Regex.Match(answer, @"311-\d{4}-\d{6}");
        Assert.True(ticket.Success, $"No ticket in the last answer: {answer}");
        return ticket.Value;
    }
}
