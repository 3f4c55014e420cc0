using System.Reflection;
using System.Text.Json;
using ChannelBot.Channels.Connector;
using ChannelBot.Channels.DirectLine;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Twilio;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Infrastructure.Dialogs;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Photos;
using ChannelBot.Infrastructure.Routing;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Configuration;

/// <summary>appsettings.sample.json is the operator's menu: every setting the app binds is in it, and no secret is.</summary>
public sealed class SampleSettingsTests
{
    private static readonly JsonElement Sample = Read();

    public static TheoryData<string, string> Settings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (section, type) in new (string, Type)[]
        {
            (StorageOptions.SectionName, typeof(StorageOptions)),
            (DialogOptions.Section, typeof(DialogOptions)),
            (ConnectorOptions.SectionName, typeof(ConnectorOptions)),
            (OutboxOptions.Section, typeof(OutboxOptions)),
            (PhotoOptions.Section, typeof(PhotoOptions)),
            (MediaFetchOptions.Section, typeof(MediaFetchOptions)),
            (ChannelBot.Infrastructure.Retention.RetentionOptions.Section, typeof(ChannelBot.Infrastructure.Retention.RetentionOptions)),
            (ChannelBot.Infrastructure.Turns.TurnOptions.Section, typeof(ChannelBot.Infrastructure.Turns.TurnOptions)),
            (TwilioOptions.SectionName, typeof(TwilioOptions)),
            ("Twilio:Pacing", typeof(TwilioPacingOptions)),
            (StaffOptions.Section, typeof(StaffOptions)),
            (ChannelBot.Infrastructure.Staff.StaffSignInOptions.Section, typeof(ChannelBot.Infrastructure.Staff.StaffSignInOptions)),
            (NotificationOptions.Section, typeof(NotificationOptions)),
            (RoutingOptions.Section, typeof(RoutingOptions)),
            (DirectLineOptions.SectionName, typeof(DirectLineOptions)),
            (ChannelBot.Web.Site.SiteOptions.Section, typeof(ChannelBot.Web.Site.SiteOptions)),
            (MetaOptions.SectionName, typeof(MetaOptions)),
            (ChannelBot.Infrastructure.Geo.GeoOptions.Section, typeof(ChannelBot.Infrastructure.Geo.GeoOptions)),
            (ChannelBot.Web.Open311.Open311Options.Section, typeof(ChannelBot.Web.Open311.Open311Options)),
        })
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            {
                data.Add(section, property.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_bound_setting_is_in_the_sample(string section, string setting)
    {
        var values = Sample;
        foreach (var part in section.Split(':'))
        {
            Assert.True(values.TryGetProperty(part, out values), $"appsettings.sample.json has no {section} section");
        }

        Assert.True(values.TryGetProperty(setting, out _), $"appsettings.sample.json has no {section}:{setting}");
    }

    [Theory]
    [InlineData("Connector", "MicrosoftAppPassword")]
    [InlineData("Connector", "MicrosoftAppId")]
    [InlineData("Twilio", "AuthToken")]
    [InlineData("Twilio", "AccountSid")]
    [InlineData("DirectLine", "Secret")]
    [InlineData("DirectLine", "TokenSigningKey")]
    public void Secrets_are_left_empty(string section, string setting) =>
        Assert.Equal(JsonValueKind.Null, Sample.GetProperty(section).GetProperty(setting).ValueKind);

    private static JsonElement Read()
    {
        var path = Path.Combine(Path.GetDirectoryName(RepositoryDialogs.Path)!, "appsettings.sample.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.Clone();
    }
}
