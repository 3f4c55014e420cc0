using ChannelBot.Application.Photos;
using ChannelBot.Channels.Meta;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>Messenger media are public CDN links: fetched with no credential, the Page token least of all.</summary>
public sealed class MetaMediaClientTests : IDisposable
{
    private readonly WireMockServer _cdn = WireMockServer.Start();

    public void Dispose() => _cdn.Dispose();

    [Fact]
    public async Task A_photo_is_fetched_from_the_cdn_without_any_authorization()
    {
        _cdn.Given(Request.Create().WithPath("/v/pothole_n.jpg").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody([1, 2, 3]));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(MetaTestHost.ConfiguredSettings());
        builder.Services.AddLogging();
        builder.AddMetaChannel();
        using var host = builder.Build();
        var client = host.Services.GetServices<IChannelMediaClient>().First(c => c.Handles("facebook"));

        using var response = await client.GetAsync(new Uri(_cdn.Url + "/v/pothole_n.jpg?oh=00_X"), CancellationToken.None);

        Assert.IsType<MetaMediaClient>(client);
        Assert.Equal([1, 2, 3], await response.Content.ReadAsByteArrayAsync());
        var request = Assert.Single(_cdn.LogEntries).RequestMessage;
        Assert.False(request.Headers!.ContainsKey("Authorization"));
        Assert.DoesNotContain(MetaTestHost.PageAccessToken, request.Url, StringComparison.Ordinal);
    }
}
