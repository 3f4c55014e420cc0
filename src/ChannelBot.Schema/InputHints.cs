namespace ChannelBot.Schema;

/// <summary>Wire values of <see cref="Activity.InputHint"/>: the SDK's words, not the spec prose's.</summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
}
