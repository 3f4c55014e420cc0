using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>A pothole report typed the way a resident would, split so a test can stop (or restart the app) in the middle.</summary>
internal static class PotholeScript
{
    /// <summary>The whole report as one list of words, no photo: for a resident who cannot stop to check each answer.</summary>
    public static readonly string[] Texts =
        ["hi", "there's a huge pothole in the road", "123 Main St", "next to the curb", "skip", "It is deep enough to damage a tire.", "no", "no photo", "skip", "yes", "send it"];

    public static async Task StartAsync(EmulatorClient resident)
    {
        var greeting = await resident.SayAsync("hi");
        Assert.Contains("311", greeting.Text, StringComparison.Ordinal);

        var askWhere = await resident.SayAsync("there's a huge pothole in the road");
        Assert.Contains("Pothole", askWhere.Text, StringComparison.Ordinal);

        var askLane = await resident.SayAsync("123 Main St");
        Assert.NotNull(askLane.SuggestedActions);
    }

    /// <summary>From the first question about the pothole to the ticket; returns the bot's last answer.</summary>
    public static async Task<string> FinishAsync(EmulatorClient resident, string? photoUrl = null, string? address = "123 Main St")
    {
        await resident.SayAsync("next to the curb");
        await resident.SayAsync("skip");
        await resident.SayAsync("It is deep enough to damage a tire.");
        await resident.SayAsync("no");   // the description stays off the public map
        if (photoUrl is null)
        {
            await resident.SayAsync("no photo");
        }
        else
        {
            await resident.SendPhotoAsync(photoUrl);
            await resident.SayAsync("done");
        }

        await resident.SayAsync("skip");
        var summary = await resident.SayAsync("yes");
        if (address is not null)
        {
            Assert.Contains(address, summary.Text, StringComparison.Ordinal);
        }

        var receipt = await resident.SayAsync("send it");
        return receipt.Text ?? string.Empty;
    }

    /// <summary>A whole report whose photo message carries <paramref name="photos"/> (URL and declared type, at most 2: fewer than the flow's 3, so the step waits for DONE); returns the receipt.</summary>
    public static async Task<string> FileWithPhotosAsync(EmulatorClient resident, IEnumerable<(string Url, string ContentType)> photos)
    {
        await StartAsync(resident);
        await resident.SayAsync("next to the curb");
        await resident.SayAsync("skip");
        await resident.SayAsync("It is deep enough to damage a tire.");
        await resident.SayAsync("no");   // the description stays off the public map
        var message = resident.Message(string.Empty);
        message.Text = null;
        message.Attachments = [.. photos.Select((p, i) => new ChannelBot.Schema.Attachment { ContentUrl = p.Url, ContentType = p.ContentType, Name = $"photo{i}" })];
        await resident.SendAsync(message);
        await resident.SayAsync("done");

        await resident.SayAsync("skip");
        await resident.SayAsync("yes");
        var receipt = await resident.SayAsync("send it");
        return receipt.Text ?? string.Empty;
    }
}
