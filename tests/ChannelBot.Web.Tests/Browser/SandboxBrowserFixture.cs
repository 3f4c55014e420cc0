namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The browser fixture with the app in Development, where <c>/sandbox</c> and the fake Twilio and Graph APIs exist. No
/// quiet hours: a status update reaches the sandbox phone at once whatever the pinned clock says.
/// </summary>
public class SandboxBrowserFixture : BrowserFixture
{
    protected override string Environment => "Development";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";
    }
}
