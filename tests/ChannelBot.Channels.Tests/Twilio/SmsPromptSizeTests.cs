using ChannelBot.Dialogs.Runtime.Handoff;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using ChannelBot.Channels.Twilio;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Loading;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;
using ChannelBot.Schema;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>
/// What SMS residents are sent, measured in segments (GSM-7 160/153, UCS-2 70/67, channels.md §3.3), from the
/// repository's own dialog files, with the strings' short <c>sms</c> variants and the body exactly as Twilio gets it
/// (<see cref="TwilioMessageComposer.BodyOf"/>). Budgets: a question or answer the bot sends fits in 1 segment in
/// English and 2 in Spanish (accents make most Spanish texts UCS-2, 70 characters a segment), numbered choice lists
/// included. Placeholders are filled with their longest realistic values: the longest status text and service name,
/// a ticket number, a long street address. The summary of the whole report (it repeats every answer) and texts that
/// carry the catalog's or staff's own prose (<c>{notice}</c>, <c>{note}</c>, measured here without it) are outside
/// the budget. Every text over its budget is named, with its size.
/// </summary>
public sealed partial class SmsPromptSizeTests(ITestOutputHelper output)
{
    private static readonly Lazy<DialogDefinitions> Definitions = new(() => DialogDefinitionsLoader.Load(RepositoryDialogFiles()));

    /// <summary>Placeholders filled with their longest realistic values; prose written by others is left out (see the summary).</summary>
    private static Dictionary<string, string> Values(DialogDefinitions definitions, string language) => new(StringComparer.Ordinal)
    {
        ["city"] = definitions.City.Name.Get(language),
        ["phone"] = definitions.City.Phone,
        ["emergency"] = definitions.City.EmergencyNumber,
        ["website"] = definitions.City.Website ?? string.Empty,
        ["ticket"] = "311-2026-000123",
        ["service"] = definitions.Catalog.Services.Select(s => s.Name.Get(language)).MaxBy(n => n.Length)!,
        ["place"] = "12000 N Massachusetts Ave",
        ["address"] = "12000 N Massachusetts Ave",
        ["street"] = "N Massachusetts Ave",
        ["ago"] = "12 days ago",
        ["at"] = " at 12000 N Massachusetts Ave",
        ["own"] = "311-2026-000124",
        ["near"] = ", near W Massachusetts Ave",
        ["neighbour"] = "State Department of Transportation",
        ["contact"] = "(413) 555-0188, https://www.dot.state.example",
        ["status"] = StatusWords.Select(w => definitions.Strings[language]["status." + w].For(shortText: true)).MaxBy(t => t.Length)!,
        ["updated"] = "Nov 30",
        ["max"] = "2000",
        ["count"] = "3",
        ["what"] = "location",
        ["to"] = "+12025550143",
        ["lat"] = "39.799018",
        ["lon"] = "-89.643958",
        ["hours"] = StaffedHoursText.For(definitions.City.StaffedHours, System.Globalization.CultureInfo.GetCultureInfo(language + "-US")),
        ["operator"] = "Alexandra Montgomery-Ruiz",
        ["position"] = "12",
        ["notice"] = string.Empty,
        ["note"] = string.Empty,
    };

    /// <summary>The case statuses in words (strings status.{word}), one per status a case can have.</summary>
    private static readonly string[] StatusWords = ["received", "acknowledged", "scheduled", "in_progress", "fixed", "closed", "reopened"];

    public static TheoryData<string> Languages => ["en", "es"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_of_the_strings_fits_its_sms_budget(string language)
    {
        var definitions = Definitions.Value;
        var values = Values(definitions, language);
        var over = new List<string>();
        foreach (var (key, text) in definitions.Strings[language].OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!IsTextedAlone(key))
            {
                continue;
            }

            var filled = Placeholder().Replace(text.For(shortText: true), m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
            Check(over, key, filled, Budget(language));
        }

        Assert.True(over.Count == 0, $"{over.Count} {language} texts are over their SMS budget (add a shorter 'sms' variant):\n{string.Join("\n", over)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_question_of_every_service_as_texted_fits_its_sms_budget(string language)
    {
        var definitions = Definitions.Value;
        var over = new List<string>();
        var asked = 0;
        foreach (var service in definitions.Catalog.Services)
        {
            foreach (var (step, body) in Conversation(definitions, service, language))
            {
                asked++;
                if (step != "summary")
                {
                    Check(over, $"{service.Code} {step}", body, Budget(language));
                }
            }
        }

        output.WriteLine($"{asked} questions measured.");
        Assert.True(asked > definitions.Catalog.Services.Count * 4, $"Only {asked} questions were reached: the walk through the dialogs went wrong.");
        Assert.True(over.Count == 0, $"{over.Count} {language} questions are over their SMS budget:\n{string.Join("\n", over)}");
    }

    private static int Budget(string language) => language == "en" ? 1 : 2;

    /// <summary>
    /// Not an SMS text: what only goes by email (status subjects, receipts), the head of the summary (outside the budget), and the consent questions that
    /// ask for a number or an email, put only where the city cannot write back (web chat: channels.yaml reachBack).
    /// </summary>
    private static bool IsTextedAlone(string key) =>
        !key.StartsWith("notify.email.", StringComparison.Ordinal)
        && !key.StartsWith("receipt.email.", StringComparison.Ordinal)
        && key != "step.summary.header"
        && !(key.StartsWith("step.consent.", StringComparison.Ordinal) && key is not ("step.consent.prompt" or "step.consent.retry"));

    private void Check(List<string> over, string name, string body, int budget)
    {
        var size = SmsSegments.Measure(body);
        output.WriteLine($"{name}: {size.Segments} ({size.Encoding}, {size.Units}) {body.ReplaceLineEndings(" / ")}");
        if (size.Segments > budget)
        {
            over.Add($"  {name}: {size.Segments} segments ({size.Encoding}, {size.Units} units), budget {budget}: {body.ReplaceLineEndings(" / ")}");
        }
    }

    /// <summary>
    /// A resident reporting <paramref name="service"/> on SMS through the real engine: the service's name, an
    /// address, the first option of every list, a number, a date or a few words otherwise, skipping the photo and the
    /// name, yes to updates, up to the summary. Yields each question the bot asked (its step and the body as texted).
    /// </summary>
    private static IEnumerable<(string Step, string Body)> Conversation(DialogDefinitions definitions, ServiceDefinition service, string language)
    {
        var engine = new DialogEngine(definitions, new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)));
        var state = new ConversationState { Language = language, LanguageChosen = true, Greeted = true };
        var text = service.Name.Get(language);
        for (var turn = 0; turn < 20; turn++)
        {
            var result = engine.OnActivity(DialogStateJson.Deserialize(DialogStateJson.Serialize(state)), Inbound(text, turn, language));
            state = result.State;
            var step = state.Intake?.Step;
            foreach (var reply in result.Replies)
            {
                yield return (step ?? "(none)", TwilioMessageComposer.BodyOf(reply) ?? string.Empty);
            }

            if (step is null or "summary" || result.Effect is not null)
            {
                yield break;
            }

            var last = result.Replies.Count > 0 ? TwilioMessageComposer.BodyOf(result.Replies[^1]) ?? string.Empty : string.Empty;
            text = Answer(step, last, service);
        }
    }

    private static string Answer(string step, string question, ServiceDefinition service)
    {
        if (NumberedList().IsMatch(question))
        {
            return "1";
        }

        if (step.StartsWith("attribute:", StringComparison.Ordinal))
        {
            var attribute = service.Attributes.FirstOrDefault(a => "attribute:" + a.Code == step);
            return attribute?.Datatype switch
            {
                AttributeDatatype.Number => "2",
                AttributeDatatype.Datetime => "yesterday at 5pm",
                _ => "big and deep",
            };
        }

        return step switch
        {
            "location" => "123 Main St",
            "description" => "It has been there for two weeks and keeps growing.",
            "consent" => "yes",
            _ => "skip",
        };
    }

    private static Activity Inbound(string text, int turn, string language) => new()
    {
        Type = ActivityTypes.Message,
        Id = "SM" + turn.ToString("D32", CultureInfo.InvariantCulture),
        ChannelId = ChannelIds.Sms,
        Locale = language,
        From = new ChannelAccount("+12025550143", role: RoleTypes.User),
        Recipient = new ChannelAccount("+15559870000", role: RoleTypes.Bot),
        Conversation = new ConversationAccount("+12025550143"),
        Text = text,
    };

    /// <summary>Every file of the repository's <c>dialogs/</c> folder, as the application reads them.</summary>
    private static List<DialogFile> RepositoryDialogFiles([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "dialogs");
            if (File.Exists(Path.Combine(folder, "catalog.yaml")))
            {
                return [.. Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                    .Select(f => new DialogFile(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f, Encoding.UTF8)))];
            }
        }

        throw new DirectoryNotFoundException($"No dialogs/catalog.yaml above {sourceFile}.");
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(^|\n)1\. ")]
    private static partial Regex NumberedList();
}
