namespace ChannelBot.Dialogs.Definitions;

/// <summary>
/// One bot text in one language, with an optional shorter variant for SMS. Placeholders are written
/// <c>{name}</c> and filled by the engine.
/// </summary>
public sealed class LocalizedString
{
    public required string Text { get; init; }

    public string? Sms { get; init; }

    public string For(bool shortText) => shortText && Sms is not null ? Sms : Text;
}
