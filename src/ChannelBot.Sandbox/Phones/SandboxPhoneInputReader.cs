using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace ChannelBot.Sandbox.Phones;

/// <summary>
/// Reads and checks what a sandbox phone posts (a form: <c>address</c>, <c>text</c>, <c>payload</c>, <c>photo</c>,
/// <c>latitude</c>, <c>longitude</c>, <c>label</c>, <c>place</c>). Each refusal is a sentence the page shows as is.
/// </summary>
public static partial class SandboxPhoneInputReader
{
    public const long MaxPhotoBytes = 5 * 1024 * 1024;

    public const long MaxRequestBytes = MaxPhotoBytes + (64 * 1024);

    private static readonly string[] PhotoTypes = ["image/jpeg", "image/png", "image/gif", "image/webp"];

    private static readonly FormOptions Limits = new()
    {
        MultipartBodyLengthLimit = MaxRequestBytes,
        ValueLengthLimit = 8 * 1024,
        ValueCountLimit = 20,
    };

    /// <summary>The input, or the status (400, 413, 415) and the reason.</summary>
    public static async Task<(SandboxPhoneInput? Input, int Status, string? Error)> ReadAsync(HttpRequest request, SandboxChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, "Send a form (multipart/form-data or application/x-www-form-urlencoded).");
        }

        if (request.ContentLength > MaxRequestBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"A photo may be at most {MaxPhotoBytes / (1024 * 1024)} MB.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(Limits, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            var tooLarge = exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            return (null, tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                tooLarge ? $"A photo may be at most {MaxPhotoBytes / (1024 * 1024)} MB." : "The form could not be read.");
        }
        catch (BadHttpRequestException exception)
        {
            return (null, exception.StatusCode, "The form could not be read.");
        }

        return await CheckAsync(form, channel, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(SandboxPhoneInput?, int, string?)> CheckAsync(IFormCollection form, SandboxChannel channel, CancellationToken cancellationToken)
    {
        var address = form["address"].ToString().Trim();
        var addressOk = channel == SandboxChannel.Messenger ? PsidPattern().IsMatch(address) : PhonePattern().IsMatch(address);
        if (!addressOk)
        {
            return Refuse(channel == SandboxChannel.Messenger
                ? "The PSID must be 5 to 20 digits, e.g. 6512300000000042."
                : "The phone number must be in E.164 form: + and 8 to 15 digits, e.g. +15555550123.");
        }

        var text = Optional(form["text"]);
        var maxText = channel == SandboxChannel.Messenger ? 2000 : 1600;
        if (text is { Length: var length } && length > maxText)
        {
            return Refuse($"A message may be at most {maxText} characters.");
        }

        var payload = Optional(form["payload"]);
        if (payload is not null && (channel != SandboxChannel.Messenger || payload.Length > 1000 || text is null))
        {
            return Refuse("Only Messenger has quick replies: a payload (at most 1000 characters) with the reply's title as text.");
        }

        var (pin, pinError) = ReadPin(form, channel);
        if (pinError is not null)
        {
            return Refuse(pinError);
        }

        var (photo, photoStatus, photoError) = await ReadPhotoAsync(form, cancellationToken).ConfigureAwait(false);
        if (photoError is not null)
        {
            return (null, photoStatus, photoError);
        }

        if (text is null && photo is null && pin is null)
        {
            return Refuse("Type a message, attach a photo or send a location.");
        }

        return (new SandboxPhoneInput(address, text, payload, photo, pin), StatusCodes.Status200OK, null);
    }

    private static (SandboxPin? Pin, string? Error) ReadPin(IFormCollection form, SandboxChannel channel)
    {
        var latitudeText = Optional(form["latitude"]);
        var longitudeText = Optional(form["longitude"]);
        if (latitudeText is null && longitudeText is null)
        {
            return (null, null);
        }

        if (channel == SandboxChannel.Sms)
        {
            return (null, "SMS cannot share a location: type the address instead.");
        }

        if (!TryCoordinate(latitudeText, 90, out var latitude) || !TryCoordinate(longitudeText, 180, out var longitude))
        {
            return (null, "A location needs a latitude between -90 and 90 and a longitude between -180 and 180, e.g. 39.9242 and -83.8088.");
        }

        var label = Optional(form["label"]);
        var place = Optional(form["place"]);
        if (label is { Length: > 200 } || place is { Length: > 200 })
        {
            return (null, "A location's name and address may be at most 200 characters each.");
        }

        return (new SandboxPin(latitude, longitude, label, place), null);
    }

    private static async Task<(SandboxPhoto?, int, string?)> ReadPhotoAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        if (form.Files.Count == 0)
        {
            return (null, StatusCodes.Status200OK, null);
        }

        if (form.Files.Count > 1 || form.Files[0] is not { Name: "photo" } file)
        {
            return (null, StatusCodes.Status400BadRequest, "Attach one photo, as the field 'photo'.");
        }

        var type = file.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !PhotoTypes.Contains(type))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, "The photo must be a JPEG, PNG, GIF or WebP image.");
        }

        if (file.Length is 0 or > MaxPhotoBytes)
        {
            return (null, file.Length == 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status413PayloadTooLarge,
                file.Length == 0 ? "The photo is empty." : $"A photo may be at most {MaxPhotoBytes / (1024 * 1024)} MB.");
        }

        using var bytes = new MemoryStream((int)file.Length);
        await file.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
        return (new SandboxPhoto(type, bytes.ToArray()), StatusCodes.Status200OK, null);
    }

    private static (SandboxPhoneInput?, int, string?) Refuse(string error) => (null, StatusCodes.Status400BadRequest, error);

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryCoordinate(string? value, double limit, out double coordinate) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out coordinate)
        && double.IsFinite(coordinate)
        && Math.Abs(coordinate) <= limit;

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[0-9]{5,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex PsidPattern();
}
