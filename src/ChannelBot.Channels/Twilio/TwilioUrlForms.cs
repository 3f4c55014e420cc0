using System.Text;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// The two escaped forms of a webhook URL's query string that Twilio's official libraries also accept a
/// signature over (see <see cref="TwilioSignature.CandidateUrls"/>). Only the query changes; scheme, host, port
/// and path are kept as they are.
/// </summary>
internal static class TwilioUrlForms
{
    /// <summary>The query as a WHATWG URL serializer writes it for http(s): controls, space, <c>" # &lt; &gt; '</c> and non-ASCII percent-encoded (UTF-8), existing escapes kept.</summary>
    public static string WhatwgQuery(string url)
    {
        var (head, query) = Split(LowerCaseSchemeAndHost(url));
        if (query is null)
        {
            return head;
        }

        var builder = new StringBuilder(head.Length + query.Length + 16).Append(head).Append('?');
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c is > ' ' and < '\u007f' and not ('"' or '<' or '>' or '\''))
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < query.Length && char.IsLowSurrogate(query[i + 1]) ? 2 : 1;
            var written = Encoding.UTF8.GetBytes(query.AsSpan(i, length), utf8);
            AppendEscaped(builder, utf8[..written]);
            i += length - 1;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The query parsed and written again as Node's legacy <c>querystring</c> module does: pairs grouped by name
    /// in order of first appearance, <c>+</c> read as a space, everything but <c>A-Z a-z 0-9 - _ . ! ~ * ' ( )</c>
    /// escaped. A URL without a query, or with an empty one, is unchanged.
    /// </summary>
    public static string LegacyQuerystring(string url)
    {
        var (head, query) = Split(url);
        if (string.IsNullOrEmpty(query))
        {
            return url;
        }

        var groups = new List<(string Name, List<string> Values)>();
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Unescape(pair[(equals + 1)..]);
            var group = groups.FindIndex(g => string.Equals(g.Name, name, StringComparison.Ordinal));
            if (group < 0)
            {
                groups.Add((name, [value]));
            }
            else
            {
                groups[group].Values.Add(value);
            }
        }

        var builder = new StringBuilder(head.Length + query.Length + 16).Append(head).Append('?');
        var first = true;
        foreach (var (name, values) in groups)
        {
            foreach (var value in values)
            {
                if (!first)
                {
                    builder.Append('&');
                }

                first = false;
                Escape(builder, name);
                builder.Append('=');
                Escape(builder, value);
            }
        }

        return builder.ToString();
    }

    /// <summary>Scheme and host in lower case (a WHATWG serializer writes them so); user info, port, path and query unchanged.</summary>
    private static string LowerCaseSchemeAndHost(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return url;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var hostStart = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1;
        if (hostStart == 0)
        {
            hostStart = authorityStart;
        }

        var bracket = url.LastIndexOf(']', authorityEnd - 1, authorityEnd - hostStart);
        var colon = url.IndexOf(':', bracket < 0 ? hostStart : bracket, authorityEnd - (bracket < 0 ? hostStart : bracket));
        var hostEnd = colon < 0 ? authorityEnd : colon;
        return url[..schemeEnd].ToLowerInvariant() + url[schemeEnd..hostStart] + url[hostStart..hostEnd].ToLowerInvariant() + url[hostEnd..];
    }

    private static (string Head, string? Query) Split(string url)
    {
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = fragment < 0 ? url : url[..fragment];
        var queryStart = withoutFragment.IndexOf('?', StringComparison.Ordinal);
        return queryStart < 0 ? (withoutFragment, null) : (withoutFragment[..queryStart], withoutFragment[(queryStart + 1)..]);
    }

    /// <summary><c>+</c> as space, then every well-formed <c>%XX</c> decoded as UTF-8 bytes; malformed escapes stay as they are.</summary>
    private static string Unescape(string text)
    {
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add((byte)((Uri.FromHex(text[i + 1]) << 4) | Uri.FromHex(text[i + 2])));
                i += 2;
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                var written = Encoding.UTF8.GetBytes(text.AsSpan(i, length), utf8);
                for (var k = 0; k < written; k++)
                {
                    bytes.Add(utf8[k]);
                }

                i += length - 1;
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static void Escape(StringBuilder builder, string text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')')
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var written = Encoding.UTF8.GetBytes(text.AsSpan(i, length), utf8);
            AppendEscaped(builder, utf8[..written]);
            i += length - 1;
        }
    }

    private static void AppendEscaped(StringBuilder builder, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
