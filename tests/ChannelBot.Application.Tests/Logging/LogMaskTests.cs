using ChannelBot.Application.Logging;

namespace ChannelBot.Application.Tests.Logging;

/// <summary>What reaches a log of a resident's identifiers: enough to tell two apart, never enough to recover one.</summary>
public sealed class LogMaskTests
{
    [Theory]
    [InlineData("The 'To' number +15551234567 is not a valid phone number.", "+15551234567")]
    [InlineData("Attempt to send to unsubscribed recipient whatsapp:+44 20 7946 0958", "20 7946 0958")]
    [InlineData("Message to (202) 555-0143 failed", "555-0143")]
    [InlineData("Mailbox ana.resident@example.org is full", "ana.resident")]
    public void Phone_numbers_and_email_addresses_inside_provider_text_are_masked(string text, string identifier)
    {
        var masked = LogMask.Text(text);

        Assert.DoesNotContain(identifier, masked, StringComparison.Ordinal);
        Assert.Contains("***", masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Twilio answered 429 error 20429: Too Many Requests")]
    [InlineData("The message body exceeds the 1600 character limit.")]
    public void Text_without_identifiers_is_kept_as_it_is(string text) => Assert.Equal(text, LogMask.Text(text));

    [Fact]
    public void A_conversation_key_keeps_its_channel_and_masks_its_id()
    {
        Assert.Equal("sms/conversations/+1***67(12)", LogMask.ConversationKey("sms/conversations/+15551234567"));
    }
}
