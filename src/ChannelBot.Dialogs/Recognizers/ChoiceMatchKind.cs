namespace ChannelBot.Dialogs.Recognizers;

/// <summary>How a reply picked an option.</summary>
public enum ChoiceMatchKind
{
    /// <summary>The whole reply is the option's title, a synonym or its key.</summary>
    Exact,

    /// <summary>The option's 1-based position as digits or a number word: "2", "#2", "two", "dos".</summary>
    Number,

    /// <summary>An ordinal or "last": "second", "the 2nd", "2º", "la segunda", "último".</summary>
    Ordinal,

    /// <summary>The title or a synonym inside a longer reply: "I think it's the crosswalk one".</summary>
    Contained,

    /// <summary>The title or a synonym with small typos: "crosswlk".</summary>
    Fuzzy,

    /// <summary>Some words of a longer title: "bike" for "Bike lane".</summary>
    Partial,

    /// <summary>"all", "todos": every option (multi-select only).</summary>
    All,
}
