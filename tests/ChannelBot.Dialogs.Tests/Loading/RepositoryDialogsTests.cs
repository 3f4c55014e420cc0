using System.Globalization;
using System.Text;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Loading;
using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Loading;

/// <summary>The repository's own dialogs folder loads, and the catalog keeps the facts the intake relies on.</summary>
public sealed class RepositoryDialogsTests
{
    private static readonly Lazy<DialogDefinitions> _definitions = new(() => DialogDefinitionsLoader.Load(RepositoryDialogs.Files));

    private static DialogDefinitions Definitions => _definitions.Value;

    [Fact]
    public void The_repository_dialogs_folder_loads_without_errors()
    {
        var exception = Record.Exception(() => DialogDefinitionsLoader.Load(RepositoryDialogs.Files));

        Assert.Null(exception);
    }

    [Fact]
    public void The_languages_are_English_then_Spanish()
    {
        Assert.Equal(["en", "es"], Definitions.Languages);
        Assert.Equal("en", Definitions.DefaultLanguage);
    }

    [Fact]
    public void The_catalog_has_at_least_fifteen_services_with_OTHER_last()
    {
        Assert.True(Definitions.Catalog.Services.Count >= 15, $"only {Definitions.Catalog.Services.Count} services");
        Assert.Equal("OTHER", Definitions.Catalog.Services[^1].Code);
    }

    [Fact]
    public void Every_service_has_English_and_Spanish_names_and_keywords()
    {
        foreach (var service in Definitions.Catalog.Services)
        {
            foreach (var language in new[] { "en", "es" })
            {
                Assert.False(string.IsNullOrWhiteSpace(service.Name.GetValueOrDefault(language)), $"{service.Code} has no {language} name");
                Assert.True(service.Keywords.For(language).Count >= 10, $"{service.Code} has fewer than 10 {language} keywords");
            }
        }
    }

    [Fact]
    public void Every_list_question_offers_values_named_in_English_and_Spanish()
    {
        var listQuestions = Definitions.Catalog.Services
            .SelectMany(service => service.Attributes.Select(attribute => (service.Code, Attribute: attribute)))
            .Where(entry => entry.Attribute.Datatype is AttributeDatatype.Singlevaluelist or AttributeDatatype.Multivaluelist)
            .ToList();

        Assert.NotEmpty(listQuestions);
        foreach (var (code, attribute) in listQuestions)
        {
            Assert.NotEmpty(attribute.Values);
            foreach (var value in attribute.Values)
            {
                Assert.True(value.Name.ContainsKey("en") && value.Name.ContainsKey("es"), $"{code}.{attribute.Code}.{value.Key} lacks a name");
            }
        }
    }

    [Fact]
    public void The_catalog_uses_every_Open311_datatype()
    {
        var used = Definitions.Catalog.Services.SelectMany(service => service.Attributes).Select(attribute => attribute.Datatype).ToHashSet();

        Assert.Equal(Enum.GetValues<AttributeDatatype>().ToHashSet(), used);
    }

    [Theory]
    [InlineData("hole in the road", "PTHOLE")]
    [InlineData("hole in the sidewalk", "SIDEWALK")]
    [InlineData("street light out", "STLIGHT")]
    [InlineData("light pole dark", "STLIGHT")]
    [InlineData("traffic light out", "TRFSIG")]
    [InlineData("car hasn't moved in weeks", "ABNDVEH")]
    [InlineData("blocking my driveway", "PARKING")]
    [InlineData("someone dumped a mattress", "DUMPING")]
    [InlineData("trash wasn't picked up", "MISSEDPU")]
    [InlineData("dead raccoon", "DEADANML")]
    [InlineData("rats", "RODENTS")]
    [InlineData("loud music", "NOISE")]
    [InlineData("flooded street", "FLOODING")]
    [InlineData("clogged drain", "FLOODING")]
    [InlineData("bache", "PTHOLE")]
    [InlineData("hoyo en la calle", "PTHOLE")]
    [InlineData("acera rota", "SIDEWALK")]
    [InlineData("farola apagada", "STLIGHT")]
    [InlineData("semáforo apagado", "TRFSIG")]
    [InlineData("basura tirada", "DUMPING")]
    [InlineData("no recogieron la basura", "MISSEDPU")]
    [InlineData("ratas", "RODENTS")]
    [InlineData("ruido", "NOISE")]
    public void Everyday_phrases_are_keywords_of_the_right_service(string phrase, string code)
    {
        var owners = Definitions.Catalog.Services.Where(service => service.Keywords.All.Contains(phrase)).Select(service => service.Code);

        Assert.Equal([code], owners);
    }

    [Fact]
    public void No_keyword_points_to_two_services()
    {
        var shared = Definitions.Catalog.Services
            .SelectMany(service => service.Keywords.All.Select(keyword => (Keyword: Fold(keyword), service.Code)))
            .Distinct()
            .GroupBy(entry => entry.Keyword)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(entry => entry.Code))}");

        Assert.Empty(shared);
    }

    [Fact]
    public void No_keyword_or_option_of_the_catalog_reads_as_an_emergency()
    {
        var detector = new EmergencyDetector(Definitions.Interrupts.Emergency);
        var alarming = Definitions.Catalog.Services
            .SelectMany(service => service.Keywords.All
                .Concat(service.Attributes.SelectMany(attribute => attribute.Values.SelectMany(value => value.Name.Values.Concat(value.Synonyms.All))))
                .Select(text => (service.Code, Text: text)))
            .Where(entry => detector.Detect(entry.Text) is not null)
            .Select(entry => $"{entry.Code}: {entry.Text}");

        Assert.Empty(alarming);
    }

    [Fact]
    public void Every_channel_the_bot_serves_has_a_profile_and_sms_shows_numbered_lists()
    {
        foreach (var channel in new[] { "default", "sms", "whatsapp", "facebook", "directline", "webchat", "emulator", "msteams" })
        {
            Assert.True(Definitions.Channels.ContainsKey(channel), $"no profile for {channel}");
        }

        Assert.Equal(0, Definitions.ChannelProfileFor("sms").MaxButtons);
        Assert.True(Definitions.ChannelProfileFor("sms").ShortText);
        Assert.Same(Definitions.Channels["default"], Definitions.ChannelProfileFor("carrier-pigeon"));
    }

    [Theory]
    [InlineData("city.yaml", "schema/city.schema.json")]
    [InlineData("channels.yaml", "schema/channels.schema.json")]
    [InlineData("catalog.yaml", "schema/catalog.schema.json")]
    [InlineData("interrupts.yaml", "schema/interrupts.schema.json")]
    [InlineData("intake.yaml", "schema/intake.schema.json")]
    [InlineData("strings/en.yaml", "../schema/strings.schema.json")]
    [InlineData("strings/es.yaml", "../schema/strings.schema.json")]
    public void Every_data_file_names_its_schema_for_editors(string path, string schema)
    {
        var firstLine = RepositoryDialogs.Content(path).Split('\n')[0].TrimEnd('\r');

        Assert.Equal($"# yaml-language-server: $schema={schema}", firstLine);
    }

    private static string Fold(string text) =>
        new([.. text.ToLowerInvariant().Normalize(NormalizationForm.FormD)
            .Where(character => CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)]);
}
