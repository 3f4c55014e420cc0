using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Tests.Connector;

public sealed class ConnectorOptionsTests
{
    [Theory]
    [InlineData("Connector:MicrosoftAppPassword", "MicrosoftAppPassword is set but Connector:MicrosoftAppId is not")]
    [InlineData("Connector:MicrosoftAppId", "MicrosoftAppId is set but Connector:MicrosoftAppPassword is not")]
    public async Task Half_a_credential_stops_the_application_at_start_up(string key, string expected)
    {
        using var host = ConnectorServices.Build(new Dictionary<string, string?> { [key] = "value" });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(exception.Failures, failure => failure.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_http_metadata_is_refused_unless_explicitly_allowed()
    {
        using var host = ConnectorServices.Build(new Dictionary<string, string?> { ["Connector:ChannelOpenIdMetadataUrl"] = "http://127.0.0.1:9/metadata" });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(exception.Failures, failure => failure.Contains("ChannelOpenIdMetadataUrl must use https", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_settings_at_all_start_an_unauthenticated_channel()
    {
        using var host = ConnectorServices.Build(new Dictionary<string, string?>());

        await host.StartAsync();

        Assert.False(host.Services.GetRequiredService<IOptions<ConnectorOptions>>().Value.IsAuthenticationEnabled);
        await host.StopAsync();
    }

    [Fact]
    public void Configured_emulator_issuers_replace_the_defaults_instead_of_adding_to_them()
    {
        var options = Bind(new Dictionary<string, string?> { ["Connector:EmulatorIssuers:0"] = "https://issuer.example.org/" });

        Assert.Equal(["https://issuer.example.org/"], options.EffectiveEmulatorIssuers);
    }

    [Fact]
    public void Without_configured_emulator_issuers_the_Bot_Framework_defaults_apply()
    {
        var options = Bind(new Dictionary<string, string?>());

        Assert.Contains("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", options.EffectiveEmulatorIssuers);
        Assert.Equal(262_144, options.MaxBodyBytes);
        Assert.Equal(ConnectorOptions.DefaultChannelOpenIdMetadataUrl, options.ChannelOpenIdMetadataUrl);
    }

    private static ConnectorOptions Bind(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddConnectorChannel();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<ConnectorOptions>>().Value;
    }
}
