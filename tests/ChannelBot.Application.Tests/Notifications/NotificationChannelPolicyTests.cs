using ChannelBot.Application.Notifications;
using ChannelBot.Schema;

namespace ChannelBot.Application.Tests.Notifications;

/// <summary>Per update: own channel free-form, its template, another consented channel, or "cannot notify".</summary>
public sealed class NotificationChannelPolicyTests
{
    private const string Psid = "psid-1";
    private const string Phone = "+12025550143";
    private const string Email = "ana@example.org";

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // 14:00 in New York: outside the quiet hours.
    private static readonly DateTimeOffset Afternoon = new(2026, 11, 30, 14, 0, 0, TimeSpan.FromHours(-5));

    private static readonly NotificationRecipient Messenger = new(ChannelIds.Facebook, Psid, true, true, null, null, null, "en");

    [Fact]
    public void Messenger_inside_the_window_is_free_form_on_the_own_conversation()
    {
        var route = NotificationChannelPolicy.Decide(Messenger, Facts(lastInbound: (ChannelIds.Facebook, Afternoon.AddHours(-2))));

        Assert.Equal(NotificationRouteKind.FreeForm, route.Kind);
        Assert.Equal((ChannelIds.Facebook, Psid), (route.ChannelId, route.Address));
    }

    [Fact]
    public void Messenger_outside_the_window_uses_its_utility_template_when_one_is_configured()
    {
        var route = NotificationChannelPolicy.Decide(Messenger, Facts(lastInbound: (ChannelIds.Facebook, Afternoon.AddHours(-30)), templates: [ChannelIds.Facebook]));

        Assert.Equal(NotificationRouteKind.Template, route.Kind);
        Assert.True(route.Template);
        Assert.Equal(Psid, route.Address);
    }

    [Fact]
    public void Messenger_outside_the_window_without_a_template_goes_by_SMS_to_the_phone_the_resident_gave()
    {
        var route = NotificationChannelPolicy.Decide(Messenger with { Phone = Phone }, Facts(lastInbound: (ChannelIds.Facebook, Afternoon.AddHours(-30))));

        Assert.Equal(NotificationRouteKind.OtherChannel, route.Kind);
        Assert.Equal((ChannelIds.Sms, Phone), (route.ChannelId, route.Address));
        Assert.Contains("Messenger: outside the 24-hour window", route.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Messenger_outside_the_window_with_nothing_else_cannot_notify_and_says_why()
    {
        var route = NotificationChannelPolicy.Decide(Messenger, Facts(lastInbound: (ChannelIds.Facebook, Afternoon.AddHours(-30))));

        Assert.Equal(NotificationRouteKind.CannotNotify, route.Kind);
        Assert.False(route.Sends);
        Assert.Contains("last wrote 30 h", route.Reason, StringComparison.Ordinal);
        Assert.Contains("no Messenger utility message template", route.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reason_names_the_setting_that_would_hold_the_missing_template()
    {
        var facts = Facts(lastInbound: (ChannelIds.Facebook, Afternoon.AddHours(-30))) with
        {
            TemplateSettings = new Dictionary<string, string> { [ChannelIds.Facebook] = "Meta:UtilityTemplates:status_update:en" },
        };

        var route = NotificationChannelPolicy.Decide(Messenger, facts);

        Assert.Contains("(set Meta:UtilityTemplates:status_update:en)", route.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_window_is_judged_when_a_held_message_would_go_not_when_it_was_written()
    {
        // 23:00 in New York, last message 20 hours ago: inside the window now, 29 hours old by 08:00.
        var night = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.FromHours(-5));
        var facts = Facts(now: night, lastInbound: (ChannelIds.Facebook, night.AddHours(-20)));

        var route = NotificationChannelPolicy.Decide(Messenger with { Email = Email }, facts);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(-5)), route.SendAt);
        Assert.Equal((NotificationChannels.Email, Email), (route.ChannelId, route.Address));   // 29 h by 08:00
    }

    [Fact]
    public void An_urgent_update_at_night_goes_at_once_and_a_routine_one_waits_for_08_00()
    {
        var night = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.FromHours(-5));
        var sms = new NotificationRecipient(ChannelIds.Sms, Phone, true, true, Phone, null, null, "en");

        Assert.Equal(night, NotificationChannelPolicy.Decide(sms, Facts(now: night, urgent: true)).SendAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(-5)), NotificationChannelPolicy.Decide(sms, Facts(now: night)).SendAt);
    }

    [Fact]
    public void A_resident_who_opted_out_on_their_own_channel_is_not_chased_on_another()
    {
        var facts = Facts(lastInbound: (ChannelIds.Facebook, Afternoon.AddHours(-1)), optedOut: [NotificationFacts.Key(ChannelIds.Facebook, Psid)]);

        var route = NotificationChannelPolicy.Decide(Messenger with { Phone = Phone, Email = Email }, facts);

        Assert.Equal(NotificationRouteKind.CannotNotify, route.Kind);
        Assert.Contains("opted out", route.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opted_out_phone_is_passed_over_for_the_email()
    {
        var web = new NotificationRecipient(ChannelIds.DirectLine, "conv-1", false, true, Phone, Email, NotificationChannels.Sms, "en");

        var route = NotificationChannelPolicy.Decide(web, Facts(optedOut: [NotificationFacts.Key(ChannelIds.Sms, Phone)]));

        Assert.Equal((NotificationRouteKind.OtherChannel, NotificationChannels.Email, Email), (route.Kind, route.ChannelId, route.Address));
        Assert.Contains("SMS: the resident opted out", route.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_web_reporter_who_chose_WhatsApp_gets_its_template_since_they_never_wrote_there()
    {
        var web = new NotificationRecipient(ChannelIds.DirectLine, "conv-1", false, true, Phone, null, NotificationChannels.WhatsApp, "es");

        var route = NotificationChannelPolicy.Decide(web, Facts(templates: [ChannelIds.WhatsApp]));

        Assert.Equal((NotificationRouteKind.OtherChannel, ChannelIds.WhatsApp, Phone, true), (route.Kind, route.ChannelId, route.Address, route.Template));
    }

    [Fact]
    public void A_web_reporter_who_chose_WhatsApp_with_no_template_falls_back_to_SMS()
    {
        var web = new NotificationRecipient(ChannelIds.DirectLine, "conv-1", false, true, Phone, null, NotificationChannels.WhatsApp, "es");

        var route = NotificationChannelPolicy.Decide(web, Facts());

        Assert.Equal((ChannelIds.Sms, Phone, false), (route.ChannelId, route.Address, route.Template));
        Assert.Contains("WhatsApp: the resident never wrote to us there", route.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_email_only_web_reporter_gets_email()
    {
        var web = new NotificationRecipient(ChannelIds.DirectLine, "conv-1", false, true, null, Email, NotificationChannels.Email, "en");

        var route = NotificationChannelPolicy.Decide(web, Facts());

        Assert.Equal((NotificationRouteKind.OtherChannel, NotificationChannels.Email, Email), (route.Kind, route.ChannelId, route.Address));
    }

    [Fact]
    public void An_email_only_web_reporter_cannot_be_told_where_no_email_sender_is_configured()
    {
        var web = new NotificationRecipient(ChannelIds.DirectLine, "conv-1", false, true, null, Email, NotificationChannels.Email, "en");

        var route = NotificationChannelPolicy.Decide(web, Facts(senders: [ChannelIds.Sms]));

        Assert.Equal(NotificationRouteKind.CannotNotify, route.Kind);
        Assert.Contains("email: no sender is configured", route.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_consent_means_no_message()
    {
        var route = NotificationChannelPolicy.Decide(Messenger with { ConsentToUpdates = false, Phone = Phone }, Facts());

        Assert.Equal(NotificationRouteKind.NotWanted, route.Kind);
        Assert.False(route.Sends);
    }

    [Fact]
    public void SMS_has_no_window()
    {
        var sms = new NotificationRecipient(ChannelIds.Sms, Phone, true, true, Phone, null, null, "en");

        var route = NotificationChannelPolicy.Decide(sms, Facts(lastInbound: (ChannelIds.Sms, Afternoon.AddDays(-40))));

        Assert.Equal((NotificationRouteKind.FreeForm, ChannelIds.Sms, Phone), (route.Kind, route.ChannelId, route.Address));
    }

    [Fact]
    public void An_unknown_last_message_on_the_own_conversation_leaves_the_window_to_the_channel()
    {
        var route = NotificationChannelPolicy.Decide(Messenger, Facts());

        Assert.Equal(NotificationRouteKind.FreeForm, route.Kind);
    }

    private static NotificationFacts Facts(
        DateTimeOffset? now = null,
        bool urgent = false,
        (string Channel, DateTimeOffset At)? lastInbound = null,
        string[]? optedOut = null,
        string[]? templates = null,
        string[]? senders = null)
    {
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (lastInbound is { } known)
        {
            last[known.Channel] = known.At;
        }

        return new NotificationFacts(
            now ?? Afternoon,
            urgent,
            QuietHours.Default,
            NewYork,
            last,
            new HashSet<string>(optedOut ?? [], StringComparer.Ordinal),
            new HashSet<string>(templates ?? [], StringComparer.Ordinal),
            new HashSet<string>(senders ?? [ChannelIds.Sms, ChannelIds.WhatsApp, ChannelIds.Facebook, NotificationChannels.Email], StringComparer.Ordinal));
    }
}
