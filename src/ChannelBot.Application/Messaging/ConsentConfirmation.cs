using System.Text.Json;
using ChannelBot.Schema;

namespace ChannelBot.Application.Messaging;

/// <summary>
/// The mark on the one message that confirms an opt-out or opt-in (<c>channelData.consentConfirmation</c>): the
/// send-time check lets it through to an address that has just opted out, since it is the last message it gets.
/// </summary>
public static class ConsentConfirmation
{
    public const string Marker = "consentConfirmation";

    /// <summary>True when <paramref name="activity"/> carries the mark.</summary>
    public static bool IsConfirmation(Activity activity) =>
        activity?.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(Marker, out var flag)
        && flag.ValueKind == JsonValueKind.True;
}
