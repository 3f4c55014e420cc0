namespace ChannelBot.Dialogs.Understanding;

/// <summary>Why a message was taken for an emergency: the listed <paramref name="Phrase"/> it holds (if any) and the model's <paramref name="Score"/> (0 to 1; 0 when not computed).</summary>
internal sealed record EmergencySignal(string? Phrase, double Score);
