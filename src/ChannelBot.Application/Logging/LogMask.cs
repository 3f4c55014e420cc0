namespace ChannelBot.Application.Logging;

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

    /// <summary>A conversation key (<c>{channel}/conversations/{id}</c>) with its id masked: the id is often a phone number or PSID.</summary>
    public static string ConversationKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "(none)";
        }

        var slash = key.LastIndexOf('/');
        return slash < 0 ? Id(key) : key[..(slash + 1)] + Id(key[(slash + 1)..]);
    }

    /// <summary>An email address: the first letter and the domain's last part ("a***@***.org").</summary>
    public static string Email(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "(none)";
        }

        var at = address.LastIndexOf('@');
        var dot = address.LastIndexOf('.');
        return at <= 0 ? Id(address) : address[..1] + "***@***" + (dot > at ? address[dot..] : string.Empty);
    }

    /// <summary>The scheme and authority of a URL (no path or query, which may carry ids or tokens).</summary>
    public static string Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "(invalid url)";
}
