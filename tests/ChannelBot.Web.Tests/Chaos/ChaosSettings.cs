using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// The settings every app process of a chaos run gets, and nothing else: PostgreSQL, the fakes, Direct Line with one
/// signing key for all, take-over in seconds rather than a minute, and no rate limit a test's burst would hit.
/// </summary>
internal static class ChaosSettings
{
    public static Dictionary<string, string> For(TestStorage storage, FakeTwilio twilio, FakeGraph graph)
    {
        var settings = ChannelBotApp.BaseSettings(storage);

        // The app runs on the machine's clock: no quiet hours, whatever the hour of the run.
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";

        // A killed instance is presumed dead after 3 s (60 s in production), so a run is minutes, not an hour.
        settings["Instances:HeartbeatInterval"] = "00:00:00.500";
        settings["Instances:PresumedDeadAfter"] = "00:00:03";
        settings["Instances:TakeOverInterval"] = "00:00:00.500";
        settings["Outbox:SweepInterval"] = "00:00:00.500";
        settings["Outbox:FirstRetryDelay"] = "00:00:00.100";
        settings["Outbox:MaxRetryDelay"] = "00:00:01";

        // Web chat: the same token key on every instance (ADR 0015), and every resident comes from 127.0.0.1.
        settings["DirectLine:Enabled"] = "true";
        settings["DirectLine:TokenSigningKey"] = "Y2hhb3MtZGlyZWN0LWxpbmUtc2lnbmluZy1rZXktZm9yLWV2ZXJ5LWluc3RhbmNlLTQ4Yg==";
        settings["DirectLine:UploadPath"] = Path.Combine(Path.GetTempPath(), "channelbot-chaos-uploads");
        settings["DirectLine:SessionBurst"] = "100000";
        settings["DirectLine:SessionsPerMinute"] = "100000";
        settings["DirectLine:SessionsPerDay"] = "100000";
        settings["DirectLine:PostBurst"] = "100000";
        settings["DirectLine:PostsPerMinute"] = "100000";
        foreach (var (key, value) in twilio.Settings.Concat(graph.Settings))
        {
            settings[key] = value;
        }

        return settings.Where(setting => setting.Value is not null).ToDictionary(setting => setting.Key, setting => setting.Value!);
    }
}
