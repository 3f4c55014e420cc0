namespace ChannelBot.Application.Logging;

/// <summary>
/// Masks identifiers (user ids, conversation ids, phone numbers) before they reach a log: enough of the value
/// stays visible to tell two of them apart, not enough to recover it.
/// </summary>
public static partial class LogMask
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

    /// <summary>
    /// Free text from a provider (an error message) with every phone number and email address in it masked: providers
    /// name the number they refused ("The 'To' number +15551234567 is not a valid phone number").
    /// </summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var masked = EmailPattern().Replace(text, m => Email(m.Value));
        return PhonePattern().Replace(masked, m => Id(m.Value));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", System.Text.RegularExpressions.RegexOptions.None, 200)]
    private static partial System.Text.RegularExpressions.Regex EmailPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"\+?\d[\d\s().-]{5,}\d", System.Text.RegularExpressions.RegexOptions.None, 200)]
    private static partial System.Text.RegularExpressions.Regex PhonePattern();

    /// <summary>The scheme and authority of a URL (no path or query, which may carry ids or tokens).</summary>
    public static string Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "(invalid url)";
}
