using ChannelBot.Channels.Twilio;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Twilio;

public sealed class TwilioMessageComposerTests
{
    private static readonly TwilioOptions Options = new() { From = "+15559870000", WhatsAppFrom = "whatsapp:+15559870000" };

    [Fact]
    public void Text_longer_than_twilio_takes_is_refused_before_sending()
    {
        var activity = TwilioSenderTests.Reply(ChannelIds.Sms, "+15551230000", new string('a', 1601));

        Assert.False(TwilioMessageComposer.TryCompose(1, activity, Options, "https://x.test", out _, out var error));
        Assert.Contains("1600", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whatsapp_address_on_the_sms_channel_is_refused()
    {
        var activity = TwilioSenderTests.Reply(ChannelIds.Sms, "whatsapp:+15551230000", "Hi");

        Assert.False(TwilioMessageComposer.TryCompose(1, activity, Options, "https://x.test", out _, out _));
    }

    [Fact]
    public void Whatsapp_takes_one_image()
    {
        var activity = TwilioSenderTests.Reply(ChannelIds.WhatsApp, "whatsapp:+15551230000", "Map");
        activity.Attachments = [new() { ContentType = "image/png", ContentUrl = "https://x.test/1.png" }, new() { ContentType = "image/png", ContentUrl = "https://x.test/2.png" }];

        Assert.True(TwilioMessageComposer.TryCompose(1, activity, Options, null, out var outbound, out _));
        Assert.Equal(["https://x.test/1.png"], outbound!.MediaUrls);
        Assert.DoesNotContain(outbound.Fields, f => f.Key == "StatusCallback");
    }

    [Fact]
    public void Choices_alone_make_the_body()
    {
        var activity = TwilioSenderTests.Reply(ChannelIds.Sms, "+15551230000", " ");
        activity.SuggestedActions = new SuggestedActions { Actions = [new("imBack", "Pothole", "pothole")] };

        Assert.Equal("1. Pothole", TwilioMessageComposer.BodyOf(activity));
    }
}
