using System.Text.Json;
using ChannelBot.Channels.Common;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Twilio;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>The pure mapping of one messaging event.</summary>
public sealed class MetaActivityMapperTests
{
    private const string Page = "104700000000001";

    [Fact]
    public void A_sticker_is_not_taken_for_a_photo()
    {
        var inbound = Map("""{"sender":{"id":"1"},"recipient":{"id":"104700000000001"},"timestamp":1795456800000,"message":{"mid":"m_sticker","attachments":[{"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/369239263222822.png","sticker_id":369239263222822}}]}}""");

        Assert.Equal(MetaInboundKind.Ignored, inbound.Kind);
    }

    [Fact]
    public void A_postback_without_a_mid_gets_an_id_a_redelivery_repeats()
    {
        const string Item = """{"sender":{"id":"651"},"recipient":{"id":"104700000000001"},"timestamp":1795456800000,"postback":{"title":"Get Started","payload":"start"}}""";

        var first = Map(Item);
        var again = Map(Item);

        Assert.Equal(MetaInboundKind.Message, first.Kind);
        Assert.Equal("postback-651-1795456800000", first.Activity!.Id);
        Assert.Equal(first.Activity.Id, again.Activity!.Id);
    }

    [Fact]
    public void Typed_stop_is_an_opt_out_and_cancel_stays_a_dialog_word()
    {
        Assert.Equal(MessagingKeyword.OptOut, MetaActivityMapper.KeywordOf("STOP"));
        Assert.Equal(MessagingKeyword.Revocation, MetaActivityMapper.KeywordOf("please stop messaging me"));
        Assert.Equal(MessagingKeyword.OptIn, MetaActivityMapper.KeywordOf("start"));
        Assert.Equal(MessagingKeyword.None, MetaActivityMapper.KeywordOf("cancel"));
        Assert.Equal(MessagingKeyword.None, MetaActivityMapper.KeywordOf("quit"));
        Assert.Equal(MessagingKeyword.None, MetaActivityMapper.KeywordOf("help"));
        Assert.Equal(MessagingKeyword.None, MetaActivityMapper.KeywordOf("yes"));
        Assert.Equal(MessagingKeyword.None, MetaActivityMapper.KeywordOf("the stop sign is down"));
    }

    [Fact]
    public void A_location_outside_the_globe_is_not_a_pin()
    {
        var inbound = Map("""{"sender":{"id":"1"},"recipient":{"id":"104700000000001"},"message":{"mid":"m_loc","attachments":[{"type":"location","payload":{"coordinates":{"lat":139.9,"long":-83.8}}}]}}""");

        Assert.Equal(MetaInboundKind.Ignored, inbound.Kind);
    }

    [Fact]
    public void Without_a_timestamp_the_time_of_receipt_is_used()
    {
        var inbound = Map("""{"sender":{"id":"1"},"recipient":{"id":"104700000000001"},"message":{"mid":"m_1","text":"hi"}}""");

        Assert.Equal(TestClock.Now, inbound.Activity!.Timestamp);
    }

    private static MetaInbound Map(string json)
    {
        using var document = JsonDocument.Parse(json);
        return MetaActivityMapper.Map(document.RootElement.Clone(), Page, TestClock.Now);
    }
}
