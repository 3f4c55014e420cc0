namespace ChannelBot.Web.Tests.Browser;

/// <summary>The browser fixture with the app in Development, where <c>/sandbox</c> and the fake Twilio and Graph APIs exist.</summary>
public sealed class SandboxBrowserFixture : BrowserFixture
{
    protected override string Environment => "Development";
}
