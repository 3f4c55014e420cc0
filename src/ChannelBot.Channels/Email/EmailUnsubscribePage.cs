using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace ChannelBot.Channels.Email;

/// <summary>
/// The small pages of <c>/email/unsubscribe</c>, in English or Spanish: the question (with a button that POSTs, so a
/// link checker opening the link changes nothing), the confirmation, and the refusal of a link that is not ours. Plain
/// HTML with its language, one heading and a labelled form; nothing loaded from anywhere, no script, no referrer.
/// </summary>
internal static class EmailUnsubscribePage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult Ask(HttpContext http, string language, string sender, string address, string action) => Respond(http, language, StatusCodes.Status200OK,
        language == "es" ? "Darse de baja de los correos" : "Unsubscribe from emails",
        language == "es"
            ? $"<p>¿Dejar de recibir correos de {E(sender)} en {E(Mask(address))}? Ya no le escribiremos por correo sobre sus reportes, tampoco sobre los que ya hizo.</p>"
            : $"<p>Stop emails from {E(sender)} to {E(Mask(address))}? We will no longer email you about your reports, including the ones you already made.</p>",
        $"""
        <form method="post" action="{E(action)}">
        <input type="hidden" name="List-Unsubscribe" value="One-Click">
        <button type="submit">{E(language == "es" ? "Darme de baja" : "Unsubscribe")}</button>
        </form>
        """);

    public static IResult Done(HttpContext http, string language, string sender) => Respond(http, language, StatusCodes.Status200OK,
        language == "es" ? "Se dio de baja" : "You are unsubscribed",
        language == "es"
            ? $"<p role=\"status\">No recibirá más correos de {E(sender)}. Para saber de un reporte, llame al 311 o escríbanos por el chat.</p>"
            : $"<p role=\"status\">You will get no more emails from {E(sender)}. To hear about a report, call 311 or write to us in the chat.</p>",
        string.Empty);

    public static IResult Invalid(HttpContext http, string language) => Respond(http, language, StatusCodes.Status400BadRequest,
        language == "es" ? "Enlace no válido" : "This link is not valid",
        language == "es"
            ? "<p role=\"alert\">Este enlace para darse de baja no es válido: puede estar incompleto o modificado. Use el enlace completo que aparece al final de nuestro correo.</p>"
            : "<p role=\"alert\">This unsubscribe link is not valid: it may be incomplete or changed. Use the whole link at the end of our email.</p>",
        string.Empty);

    public static IResult TooLarge(HttpContext http, string language) => Respond(http, language, StatusCodes.Status413PayloadTooLarge,
        language == "es" ? "Solicitud demasiado grande" : "Request too large",
        language == "es" ? "<p role=\"alert\">La solicitud es demasiado grande.</p>" : "<p role=\"alert\">The request is too large.</p>",
        string.Empty);

    /// <summary><c>a***@example.org</c>: enough for the resident to recognise the address, not to read it off a shoulder.</summary>
    public static string Mask(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : address[0] + "***" + address[at..];
    }

    private static string E(string text) => Html.Encode(text);

    private static IResult Respond(HttpContext http, string language, int status, string title, string body, string form)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <meta name="robots" content="noindex">
            <title>{E(title)}</title>
            </head>
            <body>
            <main>
            <h1>{E(title)}</h1>
            {body}
            {form}
            </main>
            </body>
            </html>

            """);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
