using System.Security.Cryptography;
using System.Text;
using ChannelBot.Application.Dialogs;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Open311;

/// <summary>
/// What every Open311 call checks first, in one place: the format from the extension, the jurisdiction when the
/// city configured one, and for POSTs the form (size-limited) and its api_key.
/// </summary>
internal sealed class Open311Call
{
    /// <summary>A POST body larger than this is refused: an Open311 request is a few form fields.</summary>
    public const int MaxFormBytes = 64 * 1024;

    private Open311Call(Open311Format format, IFormCollection? form, Open311ApiKey? caller)
    {
        Format = format;
        Form = form;
        Caller = caller;
    }

    public Open311Format Format { get; }

    public IFormCollection? Form { get; }

    /// <summary>Who posted (its key's name), for POSTs.</summary>
    public Open311ApiKey? Caller { get; }

    public string? Field(string name) => Form is { } form && form.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>The call, or the error to answer with.</summary>
    public static async Task<(Open311Call? Call, IResult? Error)> StartAsync(HttpContext context, string format, Open311Options options, bool post)
    {
        var parsed = format switch
        {
            "json" => Open311Format.Json,
            "xml" => Open311Format.Xml,
            _ => (Open311Format?)null,
        };
        if (parsed is not { } f)
        {
            return (null, Open311Errors.NotFound(Open311Format.Xml, $"'{format}' is not a format here: use .xml or .json."));
        }

        if (!options.Enabled)
        {
            return (null, Open311Errors.NotFound(f, "Open311 is not offered here."));
        }

        IFormCollection? form = null;
        if (post)
        {
            if (!context.Request.HasFormContentType)
            {
                return (null, Open311Errors.BadRequest(f, "Send the fields as application/x-www-form-urlencoded."));
            }

            if (context.Request.ContentLength is null or > MaxFormBytes)
            {
                return (null, Open311Errors.BadRequest(f, $"The form must state its length and be at most {MaxFormBytes} bytes."));
            }

            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
            {
                return (null, Open311Errors.BadRequest(f, "The form could not be read."));
            }
        }

        var jurisdiction = form is not null && form.TryGetValue("jurisdiction_id", out var posted) ? posted.ToString() : context.Request.Query["jurisdiction_id"].ToString();
        if (options.JurisdictionId is { Length: > 0 } expected && jurisdiction.Length > 0 && !string.Equals(jurisdiction, expected, StringComparison.OrdinalIgnoreCase))
        {
            return (null, Open311Errors.NotFound(f, $"Unknown jurisdiction_id '{Cut(jurisdiction)}'."));
        }

        Open311ApiKey? caller = null;
        if (post)
        {
            var key = form!.TryGetValue("api_key", out var k) ? k.ToString() : string.Empty;
            caller = options.ApiKeys.FirstOrDefault(a => a.Key is { Length: >= 32 } && Same(a.Key, key));
            if (caller is null)
            {
                return (null, Open311Errors.Forbidden(f, key.Length == 0 ? "api_key is required." : "api_key is not valid."));
            }
        }

        return (new Open311Call(f, form, caller), null);
    }

    public static TimeZoneInfo CityTimeZone(IDialogEngineSource dialogs) => dialogs.Current.CityTimeZone;

    public static Open311Options Options(IOptions<Open311Options> options) => options.Value;

    public static string Cut(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static bool Same(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
