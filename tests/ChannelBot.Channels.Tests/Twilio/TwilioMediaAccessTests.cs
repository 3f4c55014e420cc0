using System.Text;
using ChannelBot.Application.Photos;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Twilio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>Media at Twilio: Basic auth only on a request to the configured API host; its CDN and anything else stay bare.</summary>
public sealed class TwilioMediaAccessTests : IDisposable
{
    private const string ApiBaseUrl = "https://api.twilio.example";
    private readonly IHost _host;

    public TwilioMediaAccessTests()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        var settings = TwilioTestHost.ConfiguredSettings();
        settings["Twilio:ApiBaseUrl"] = ApiBaseUrl;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<Application.Conversations.IInboundActivitySink>(new RecordingInboundSink());
        builder.AddTwilioChannel();
        _host = builder.Build();
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public void A_request_to_the_api_host_gets_basic_auth()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiBaseUrl + "/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1");

        Access().Authorize(request);

        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(TwilioTestHost.AccountSid + ":" + TwilioTestHost.AuthToken));
        Assert.Equal(("Basic", expected), (request.Headers.Authorization!.Scheme, request.Headers.Authorization.Parameter));
    }

    [Theory]
    [InlineData("https://media.twiliocdn.com/ACxx/abc.jpg")]
    [InlineData("http://api.twilio.example/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")]
    [InlineData("https://api.twilio.example:8443/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")]
    [InlineData("https://evil.example/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")]
    public void A_request_anywhere_else_goes_without_credentials(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        Access().Authorize(request);

        Assert.Null(request.Headers.Authorization);
    }

    [Fact]
    public void Media_may_come_from_the_api_host_and_twilios_cdn_only()
    {
        var access = Access();

        Assert.Equal(["api.twilio.example", "*.twiliocdn.com", "*.twilio.com"], access.MediaHosts);
        Assert.True(access.Handles("sms"));
        Assert.True(access.Handles("whatsapp"));
        Assert.False(access.Handles("emulator"));
    }

    private IChannelMediaAccess Access() => _host.Services.GetServices<IChannelMediaAccess>().Single(c => c is TwilioMediaAccess);
}
