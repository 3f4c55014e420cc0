using ChannelBot.Channels.Connector;

namespace ChannelBot.Channels.Tests.Connector;

public sealed class ConnectorRoutesTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations/c1/activities/a1")]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations/c1/activities/a1")]
    [InlineData("http://localhost:52144", "http://localhost:52144/v3/conversations/c1/activities/a1")]
    [InlineData("http://localhost:52144/", "http://localhost:52144/v3/conversations/c1/activities/a1")]
    public void A_reply_goes_under_the_service_url_with_or_without_its_trailing_slash(string serviceUrl, string expected)
    {
        Assert.Equal(expected, ConnectorRoutes.ActivitiesUri(serviceUrl, "c1", "a1")!.AbsoluteUri);
    }

    [Fact]
    public void A_send_without_reply_to_id_goes_to_the_conversation()
    {
        Assert.Equal("http://localhost:52144/v3/conversations/c1/activities", ConnectorRoutes.ActivitiesUri("http://localhost:52144", "c1", null)!.AbsoluteUri);
    }

    [Fact]
    public void Ids_are_escaped_as_single_path_segments()
    {
        var uri = ConnectorRoutes.ActivitiesUri("https://smba.trafficmanager.net/amer/", "19:meeting_x@thread.v2;messageid=17", "7Kq2Dz|0000004/?#")!;

        Assert.Equal(
            "/amer/v3/conversations/19%3Ameeting_x%40thread.v2%3Bmessageid%3D17/activities/7Kq2Dz%7C0000004%2F%3F%23",
            uri.AbsolutePath);
    }

    [Fact]
    public void A_query_on_the_service_url_is_not_carried_into_the_send()
    {
        Assert.Equal("https://example.org/bf/v3/conversations/c1/activities", ConnectorRoutes.ActivitiesUri("https://example.org/bf/?session=1", "c1", null)!.AbsoluteUri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/relative/")]
    [InlineData("ftp://example.org/")]
    [InlineData("file:///etc/passwd")]
    public void A_service_url_that_is_not_absolute_http_gives_no_address(string? serviceUrl)
    {
        Assert.Null(ConnectorRoutes.ActivitiesUri(serviceUrl, "c1", "a1"));
    }
}
