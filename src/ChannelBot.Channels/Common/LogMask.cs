namespace ChannelBot.Channels.Common;

/// <summary>
/// Masks identifiers (user ids, conversation ids, phone numbers) before they reach a log: enough of the value
/// stays visible to tell two of them apart, not enough to recover it.
/// </summary>
public static class LogMask
{
    public static string Id(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "(none)";
        }

        return value.Length <= 6
            ? new string('*', value.Length)
            : $"{value[..2]}***{value[^2..]}({value.Length})";
    }

    /// <summary>The scheme and authority of a URL (no path or query, which may carry ids or tokens).</summary>
    public static string Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "(invalid url)";
}
