namespace ChannelBot.Benchmarks.Load;

/// <summary>
/// What each virtual resident types, over and over: a whole pothole report the way a resident writes it (the same
/// script the web end-to-end tests prove ends in a ticket), so every cycle files a case.
/// </summary>
public static class IntakeScript
{
    public static IReadOnlyList<string> Messages { get; } =
    [
        "hi",
        "there's a huge pothole in the road",
        "123 Main St",
        "next to the curb",
        "skip",
        "It is deep enough to damage a tire.",
        "no",   // the description stays off the public map
        "no photo",
        "skip",
        "yes",
        "send it",
    ];
}
