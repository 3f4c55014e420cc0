using ChannelBot.Application.Photos;
using ChannelBot.Channels.Meta;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>Messenger media: public CDN links, never a credential (the Page token stays with the Graph API).</summary>
public sealed class MetaMediaAccessTests
{
    [Fact]
    public void A_cdn_request_gets_no_authorization_and_only_facebooks_cdn_hosts_are_named()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(MetaTestHost.ConfiguredSettings());
        builder.Services.AddLogging();
        builder.AddMetaChannel();
        using var host = builder.Build();
        var access = host.Services.GetServices<IChannelMediaAccess>().Single(c => c.Handles("facebook"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://scontent.xx.fbcdn.net/v/pothole_n.jpg?oh=00_X");

        access.Authorize(request);

        Assert.IsType<MetaMediaAccess>(access);
        Assert.Null(request.Headers.Authorization);
        Assert.DoesNotContain(MetaTestHost.PageAccessToken, request.RequestUri!.ToString(), StringComparison.Ordinal);
        Assert.Equal(["*.fbcdn.net", "*.fbsbx.com", "*.facebook.com"], access.MediaHosts);
    }
}
