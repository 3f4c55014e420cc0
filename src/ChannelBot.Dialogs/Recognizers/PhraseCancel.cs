namespace ChannelBot.Dialogs.Recognizers;

/// <summary>Why an emergency phrase does not stand on its own (the meaning model still reads the message).</summary>
public enum PhraseCancel
{
    /// <summary>The phrase stands.</summary>
    None,

    /// <summary>A negation reaches it: "it isn't sparking", "no huele a gas", "nobody was injured".</summary>
    Negated,

    /// <summary>Its clause is over and done: "the fire last week", "it's out now", "anoche".</summary>
    Over,

    /// <summary>It says a body is harmed and its clause is about an animal, no person: "the cat is bleeding".</summary>
    Animal,

    /// <summary>Smoke or sparks from an everyday source: "grill smoke", "sparks from the welding shop".</summary>
    OrdinarySource,
}
