using ChannelBot.Channels.Meta;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>Start-up refusals of a Meta configuration that could only fail later.</summary>
public sealed class MetaOptionsTests
{
    private readonly MetaOptionsValidator _validator = new();

    [Fact]
    public void No_settings_at_all_is_valid_and_leaves_the_channel_off()
    {
        Assert.True(_validator.Validate(null, new MetaOptions()).Succeeded);
    }

    [Fact]
    public void A_complete_configuration_is_valid()
    {
        Assert.True(_validator.Validate(null, Complete()).Succeeded);
    }

    [Theory]
    [InlineData("AppSecret", "Meta:VerifyToken is set but Meta:AppSecret is not")]
    [InlineData("VerifyToken", "Meta:AppSecret is set but Meta:VerifyToken is not")]
    public void Half_of_the_webhook_credentials_is_refused(string missing, string failure)
    {
        var options = Complete();
        if (missing == "AppSecret")
        {
            options.AppSecret = null;
            options.PageAccessToken = null;
        }
        else
        {
            options.VerifyToken = null;
        }

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(failure, StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_token_without_the_app_secret_is_refused()
    {
        var result = _validator.Validate(null, new MetaOptions { PageAccessToken = "EAAG" });

        Assert.Contains(result.Failures!, f => f.StartsWith("Meta:PageAccessToken is set but Meta:AppSecret is not", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GraphVersion", "23.0")]
    [InlineData("GraphVersion", "v23")]
    [InlineData("GraphBaseUrl", "graph.facebook.com")]
    [InlineData("GraphBaseUrl", "ftp://graph.facebook.com")]
    [InlineData("PageId", "my-page")]
    [InlineData("MaxBodyBytes", "0")]
    [InlineData("MaxBodyBytes", "999999999")]
    public void A_malformed_setting_is_refused(string setting, string value)
    {
        var options = Complete();
        switch (setting)
        {
            case "GraphVersion":
                options.GraphVersion = value;
                break;
            case "GraphBaseUrl":
                options.GraphBaseUrl = value;
                break;
            case "PageId":
                options.PageId = value;
                break;
            default:
                options.MaxBodyBytes = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
        }

        Assert.True(_validator.Validate(null, options).Failed);
    }

    [Fact]
    public void The_defaults_are_graph_v23_and_the_public_graph_host()
    {
        var options = new MetaOptions();

        Assert.Equal("https://graph.facebook.com", options.GraphBaseUrl);
        Assert.Equal("v23.0", options.GraphVersion);
        Assert.Null(options.AppSecret);
        Assert.Null(options.PageAccessToken);
    }

    private static MetaOptions Complete() => new()
    {
        AppSecret = "secret",
        VerifyToken = "token",
        PageAccessToken = "EAAG",
        PageId = "104700000000001",
    };
}
