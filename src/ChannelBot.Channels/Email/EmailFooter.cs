namespace ChannelBot.Channels.Email;

/// <summary>
/// The words under every email: why the resident gets it and the link that stops it, in the email's language
/// (English or Spanish; anything else is English). The same words head the unsubscribe page.
/// </summary>
internal static class EmailFooter
{
    /// <summary>The separator of a plain-text signature (RFC 3676): mail programs may fold what follows.</summary>
    public const string Separator = "-- ";

    /// <summary><c>es</c> for Spanish (<c>es</c>, <c>es-US</c>…), else <c>en</c>.</summary>
    public static string LanguageOf(string? locale) =>
        locale is { Length: >= 2 } && locale.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? "es" : "en";

    public static string For(string? locale, string sender, string unsubscribeUrl) => LanguageOf(locale) == "es"
        ? $"Recibe este correo porque hizo un reporte a {sender} y pidió recibir novedades por correo. Para no recibir más correos nuestros, abra este enlace: {unsubscribeUrl}"
        : $"You get this email because you made a report to {sender} and asked for updates by email. To get no more emails from us, open this link: {unsubscribeUrl}";
}
