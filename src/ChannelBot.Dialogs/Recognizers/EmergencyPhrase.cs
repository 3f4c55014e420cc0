namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// What <see cref="EmergencyDetector.Find"/> found: the <paramref name="Phrase"/> that stands (null when none does)
/// and, when none stands, the first one its clause <paramref name="Cancelled"/>.
/// </summary>
public sealed record EmergencyPhrase(string? Phrase, CancelledPhrase? Cancelled)
{
    public static EmergencyPhrase None { get; } = new(null, null);
}
