using System.Text;
using ChannelBot.Application.Photos;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Twilio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>Media downloads: Basic auth to the Twilio API host only, the redirect to the CDN followed without it.</summary>
public sealed class TwilioMediaClientTests : IDisposable
{
    private const string MediaPath = "/2010-04-01/Accounts/" + TwilioTestHost.AccountSid + "/Messages/MM1/Media/ME1";

    private readonly WireMockServer _api = WireMockServer.Start();
    private readonly WireMockServer _cdn = WireMockServer.Start();
    private readonly IHost _host;

    public TwilioMediaClientTests()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var settings = TwilioTestHost.ConfiguredSettings();
        settings["Twilio:ApiBaseUrl"] = _api.Url;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<Application.Conversations.IInboundActivitySink>(new RecordingInboundSink());
        builder.AddTwilioChannel();
        _host = builder.Build();
    }

    public void Dispose()
    {
        _host.Dispose();
        _api.Dispose();
        _cdn.Dispose();
    }

    [Fact]
    public async Task The_api_gets_basic_auth_and_the_cdn_it_redirects_to_does_not()
    {
        _api.Given(Request.Create().WithPath(MediaPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", _cdn.Url + "/media/abc.jpg"));
        _cdn.Given(Request.Create().WithPath("/media/abc.jpg").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody([0xFF, 0xD8, 0xFF]));

        using var response = await Client().GetAsync(new Uri(_api.Url + MediaPath), CancellationToken.None);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xFF, 0xD8, 0xFF], await response.Content.ReadAsByteArrayAsync());
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TwilioTestHost.AccountSid + ":" + TwilioTestHost.AuthToken));
        Assert.Equal(expected, Assert.Single(_api.LogEntries).RequestMessage.Headers!["Authorization"].Single());
        Assert.False(Assert.Single(_cdn.LogEntries).RequestMessage.Headers!.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Media_on_another_host_is_fetched_without_credentials()
    {
        _cdn.Given(Request.Create().WithPath("/x.png").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("png"));

        using var response = await Client().GetAsync(new Uri(_cdn.Url + "/x.png"), CancellationToken.None);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(Assert.Single(_cdn.LogEntries).RequestMessage.Headers!.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_redirect_loop_ends_after_the_limit()
    {
        _api.Given(Request.Create().WithPath("/loop").UsingGet()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/loop"));

        using var response = await Client().GetAsync(new Uri(_api.Url + "/loop"), CancellationToken.None);

        Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(TwilioMediaClient.MaxRedirects + 1, _api.LogEntries.Count());
    }

    [Fact]
    public void The_client_serves_sms_and_whatsapp_ahead_of_the_plain_one()
    {
        var client = Client();

        Assert.True(client.Handles("sms"));
        Assert.True(client.Handles("whatsapp"));
        Assert.False(client.Handles("emulator"));
    }

    private IChannelMediaClient Client() => _host.Services.GetServices<IChannelMediaClient>().Single(c => c is TwilioMediaClient);
}
