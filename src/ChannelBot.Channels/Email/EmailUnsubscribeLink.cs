namespace ChannelBot.Channels.Email;

/// <summary>
/// The unsubscribe link every email carries, in its footer and in the <c>List-Unsubscribe</c> header (with
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>, RFC 8058): <c>{PublicBaseUrl}/email/unsubscribe?token=…&amp;lang=…</c>.
/// The language only chooses the page's words; it is not signed.
/// </summary>
internal static class EmailUnsubscribeLink
{
    public const string Path = "/email/unsubscribe";

    public static string For(string publicBaseUrl, string token, string? language) =>
        publicBaseUrl.Trim().TrimEnd('/') + Path + "?token=" + Uri.EscapeDataString(token) + "&lang=" + EmailFooter.LanguageOf(language);
}
