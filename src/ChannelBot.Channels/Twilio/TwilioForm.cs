using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// The parameters of one Twilio webhook, read from the raw body exactly as sent: every pair in order, repeated
/// names kept, nothing trimmed or normalized (the signature covers whatever arrived, including parameters Twilio
/// adds later).
/// </summary>
public sealed class TwilioForm
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private TwilioForm(IReadOnlyList<KeyValuePair<string, string>> parameters) => Parameters = parameters;

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>The first value of a parameter; null when absent.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var (key, value) in Parameters)
            {
                if (string.Equals(key, name, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            return null;
        }
    }

    public static TwilioForm Of(IEnumerable<KeyValuePair<string, string>> parameters) => new([.. parameters]);

    /// <summary>
    /// Reads an <c>application/x-www-form-urlencoded</c> body. Fails on what no form encoder produces: bytes that
    /// are not UTF-8, a broken <c>%</c> escape, an escape that decodes to invalid UTF-8, an empty name.
    /// </summary>
    public static bool TryParseUrlEncoded(ReadOnlySpan<byte> body, out TwilioForm form, out string? error)
    {
        form = null!;
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            error = "The body is not UTF-8.";
            return false;
        }

        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var pair in text.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? string.Empty : pair[(equals + 1)..];
            if (!TryDecode(rawName, out var name) || !TryDecode(rawValue, out var value))
            {
                error = "The body has a broken percent-encoding.";
                return false;
            }

            if (name.Length == 0)
            {
                error = "The body has a parameter without a name.";
                return false;
            }

            parameters.Add(new(name, value));
        }

        form = new TwilioForm(parameters);
        error = null;
        return true;
    }

    /// <summary>
    /// Reads a JSON webhook body (the <c>bodySHA256</c> variant) whose top level is an object. String, number and
    /// boolean members become parameters (numbers and booleans as their JSON text); other members are not
    /// parameters and are left out.
    /// </summary>
    public static bool TryParseJson(ReadOnlySpan<byte> body, out TwilioForm form, out string? error)
    {
        form = null!;
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32 });
            if (!JsonDocument.TryParseValue(ref reader, out var parsed) || parsed is null)
            {
                error = "The body is not JSON.";
                return false;
            }

            document = parsed;
            if (reader.Read())
            {
                document.Dispose();
                error = "The body is more than one JSON value.";
                return false;
            }
        }
        catch (JsonException)
        {
            error = "The body is not JSON.";
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "The JSON body is not an object.";
                return false;
            }

            var parameters = new List<KeyValuePair<string, string>>();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                var value = member.Value.ValueKind switch
                {
                    JsonValueKind.String => member.Value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => member.Value.GetRawText(),
                    _ => null,
                };
                if (value is not null)
                {
                    parameters.Add(new(member.Name, value));
                }
            }

            form = new TwilioForm(parameters);
            error = null;
            return true;
        }
    }

    private static bool TryDecode(string raw, out string decoded)
    {
        if (raw.IndexOfAny(['%', '+']) < 0)
        {
            decoded = raw;
            return true;
        }

        decoded = string.Empty;
        var bytes = new List<byte>(raw.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%')
            {
                if (i + 2 >= raw.Length
                    || !byte.TryParse(raw.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    return false;
                }

                bytes.Add(b);
                i += 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                var written = Encoding.UTF8.GetBytes(raw.AsSpan(i, 2), utf8);
                for (var k = 0; k < written; k++)
                {
                    bytes.Add(utf8[k]);
                }

                i++;
            }
            else
            {
                var written = Encoding.UTF8.GetBytes(raw.AsSpan(i, 1), utf8);
                for (var k = 0; k < written; k++)
                {
                    bytes.Add(utf8[k]);
                }
            }
        }

        try
        {
            decoded = StrictUtf8.GetString([.. bytes]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
