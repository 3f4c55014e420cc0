using ChannelBot.Web.Tests.Staff;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>The browser fixture with the sample city's map, its wards routing potholes, and the fake Twilio: what a call taker's form needs.</summary>
public sealed class CallTakerBrowserFixture : BrowserFixture
{
    public FakeTwilio Twilio { get; } = new();

    protected override void Configure(Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in PhoneIntakeTests.Settings(Twilio))
        {
            settings[key] = value;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Twilio.Dispose();
    }
}
