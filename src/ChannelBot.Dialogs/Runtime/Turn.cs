using System.Globalization;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime.Rendering;
using ChannelBot.Dialogs.State;
using ChannelBot.Dialogs.Understanding;
using ChannelBot.Schema;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>One engine call in progress: the inputs, the language and channel it speaks, and what it has said.</summary>
internal sealed class Turn
{
    private ReplyWriter _writer;
    private bool? _yesOrNo;
    private bool _yesOrNoRead;
    private string? _normalized;
    private Utterance? _meaning;

    public Turn(EngineResources resources, ConversationState state, Activity activity, DateTimeOffset now)
    {
        Resources = resources;
        State = state;
        Activity = activity;
        Now = now;
        Profile = Definitions.ChannelProfileFor(activity.ChannelId);
        Text = MessageText.Cap(activity.Text);
        Language = ResolveLanguage(state, activity, Definitions);
        _writer = NewWriter();
    }

    public EngineResources Resources { get; }

    public DialogDefinitions Definitions => Resources.Definitions;

    public ConversationState State { get; }

    public Activity Activity { get; }

    public DateTimeOffset Now { get; }

    /// <summary>The time now on the city's clock (what "yesterday" and "5pm" mean to the resident).</summary>
    public DateTime CityNow => TimeZoneInfo.ConvertTime(Now, Resources.CityTimeZone).DateTime;

    public ChannelProfile Profile { get; }

    public string Text { get; }

    /// <summary>The message as the understanding models read it (its embedding computed once, only if needed).</summary>
    public Utterance Meaning => _meaning ??= new Utterance(Text);

    public string Language { get; private set; }

    public DialogEffect? Effect { get; set; }

    public InterruptDefinitions Words => Definitions.Interrupts;

    /// <summary>The interrupt word lists, normalized once per set of dialog files.</summary>
    public InterruptPhrases Phrases => Resources.Phrases;

    /// <summary>Switches the language for the rest of the turn (and the conversation).</summary>
    public void SwitchLanguage(string language)
    {
        _writer.Flush();
        var earlier = _writer.Replies;
        Language = language;
        State.Language = language;
        State.LanguageChosen = true;
        _writer = NewWriter(earlier);
    }

    /// <summary>The bot text for a key in the resident's language, with placeholders filled.</summary>
    public string T(string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var text = Lookup(key) ?? key;
        var fill = new List<KeyValuePair<string, string>>(values.Length + 4)
        {
            new("city", Definitions.City.Name.Get(Language, Definitions.DefaultLanguage)),
            new("phone", Definitions.City.Phone),
            new("emergency", Definitions.City.EmergencyNumber),
            new("website", Definitions.City.Website ?? string.Empty),
        };
        foreach (var (name, value) in values)
        {
            fill.Add(new(name, value));
        }

        return TextTemplate.Fill(text, fill);
    }

    /// <summary>True when the strings of the resident's language define the key.</summary>
    public bool Has(string key) => Lookup(key) is not null;

    public string Localized(LocalizedText text) => text.Get(Language, Definitions.DefaultLanguage);

    public void Say(string text) => _writer.Say(text);

    public void Ask(string question, IReadOnlyList<Choice>? choices = null) => _writer.Ask(question, choices);

    /// <summary>True when the whole message is one of the phrases (any language).</summary>
    public bool Is(PhraseSet phrases) => Text.Length > 0 && phrases.IsWholeNormalized(NormalizedText);

    /// <summary>The message lower-cased, without accents and punctuation (<see cref="TextNormalizer"/>), once per turn.</summary>
    public string NormalizedText => _normalized ??= TextNormalizer.Normalize(Text);

    /// <summary>Yes, no, or neither (null); read once per turn.</summary>
    public bool? YesOrNo()
    {
        if (!_yesOrNoRead)
        {
            _yesOrNo = Text.Length == 0 ? null : ConfirmRecognizer.Recognize(Text, Phrases.Confirm);
            _yesOrNoRead = true;
        }

        return _yesOrNo;
    }

    public TurnResult Finish()
    {
        _writer.Flush();
        return new TurnResult(_writer.Replies, State, Effect);
    }

    public string ReplyLocale => Language switch
    {
        "es" => Activity.Locale is { } l && l.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? l : "es-US",
        _ => Activity.Locale is { } l && l.StartsWith(Language, StringComparison.OrdinalIgnoreCase) ? l : $"{Language}-US",
    };

    public CultureInfo Culture => CultureInfo.GetCultureInfo(ReplyLocale);

    private string? Lookup(string key)
    {
        if (Definitions.Strings.TryGetValue(Language, out var table) && table.TryGetValue(key, out var text))
        {
            return text.For(Profile.ShortText);
        }

        if (Definitions.Strings.TryGetValue(Definitions.DefaultLanguage, out var fallback) && fallback.TryGetValue(key, out var fallbackText))
        {
            return fallbackText.For(Profile.ShortText);
        }

        return null;
    }

    private ReplyWriter NewWriter(IReadOnlyList<Activity>? earlier = null)
    {
        var writer = new ReplyWriter(Activity, Profile, ReplyLocale, count => T("choice.replyWithNumber", ("count", count)));
        if (earlier is not null)
        {
            writer.Adopt(earlier);
        }

        return writer;
    }

    private static string ResolveLanguage(ConversationState state, Activity activity, DialogDefinitions definitions)
    {
        if (state.LanguageChosen && state.Language is not null && definitions.Strings.ContainsKey(state.Language))
        {
            return state.Language;
        }

        if (activity.Locale is { Length: >= 2 } locale)
        {
            var language = locale[..2].ToLowerInvariant();
            if (definitions.Strings.ContainsKey(language))
            {
                state.Language = language;
                return language;
            }
        }

        if (state.Language is not null && definitions.Strings.ContainsKey(state.Language))
        {
            return state.Language;
        }

        // No locale from the channel (SMS, WhatsApp...) and nothing said yet: answer in the language the first
        // message is written in, and keep to it (ESPAÑOL / ENGLISH still switch).
        if (activity.IsType(ActivityTypes.Message) && !string.IsNullOrWhiteSpace(activity.Text))
        {
            var guess = LanguageGuess.Guess(MessageText.Cap(activity.Text));
            state.Language = guess is not null && definitions.Strings.ContainsKey(guess) ? guess : definitions.DefaultLanguage;
            return state.Language;
        }

        return definitions.DefaultLanguage;
    }
}
