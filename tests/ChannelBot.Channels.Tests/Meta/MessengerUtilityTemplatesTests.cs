using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Meta;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>Which configured utility template a notification goes as, by purpose and the resident's language.</summary>
public sealed class MessengerUtilityTemplatesTests
{
    private static readonly MetaOptions Options = new()
    {
        UtilityTemplates = new(StringComparer.OrdinalIgnoreCase)
        {
            ["status_update"] = new(StringComparer.OrdinalIgnoreCase) { ["en"] = "case_update_en", ["es-MX"] = "case_update_mx", ["es"] = "case_update_es" },
        },
    };

    [Theory]
    [InlineData("es-MX", "case_update_mx")]
    [InlineData("es-US", "case_update_es")]
    [InlineData("es_US", "case_update_es")]
    [InlineData("EN", "case_update_en")]
    public void The_most_specific_configured_language_wins_then_its_base_language(string language, string expected)
    {
        var template = MessengerUtilityTemplates.Find(Options, Notification("status_update", language));

        Assert.Equal(expected, template?.Name);
        Assert.Equal(["311-2026-000123"], template!.Values);
    }

    [Theory]
    [InlineData("status_update", "fr")]
    [InlineData("status_update", "")]
    [InlineData("survey", "en")]
    public void An_unconfigured_language_or_purpose_has_no_template(string purpose, string language) =>
        Assert.Null(MessengerUtilityTemplates.Find(Options, Notification(purpose, language)));

    private static ProactiveNotification Notification(string purpose, string language) =>
        new(purpose, language, [new KeyValuePair<string, string>("ticket", "311-2026-000123")]);
}
