using System.Globalization;
using System.Text;

namespace ChannelBot.Channels.Common;

/// <summary>
/// Recognizes the consent keywords of SMS (Twilio's defaults and CTIA practice) in an inbound text, and, when a
/// Messaging Service with Advanced Opt-Out has already matched one, Twilio's own <c>OptOutType</c>. Pure: no
/// state, no I/O. A keyword is the whole message (any case, surrounding spaces and punctuation ignored); a
/// revocation is one of a few unambiguous phrases anywhere in the message. WhatsApp has no platform keyword
/// handling, so the same rules serve both channels.
/// </summary>
internal static class MessagingKeywords
{
    private static readonly Dictionary<string, MessagingKeyword> Words = new(StringComparer.Ordinal)
    {
        ["STOP"] = MessagingKeyword.OptOut,
        ["STOPALL"] = MessagingKeyword.OptOut,
        ["UNSUBSCRIBE"] = MessagingKeyword.OptOut,
        ["CANCEL"] = MessagingKeyword.OptOut,
        ["END"] = MessagingKeyword.OptOut,
        ["QUIT"] = MessagingKeyword.OptOut,
        ["REVOKE"] = MessagingKeyword.OptOut,
        ["OPTOUT"] = MessagingKeyword.OptOut,
        ["START"] = MessagingKeyword.OptIn,
        ["UNSTOP"] = MessagingKeyword.OptIn,
        ["YES"] = MessagingKeyword.OptInOnLongCode,
        ["HELP"] = MessagingKeyword.Help,
        ["INFO"] = MessagingKeyword.Help,
    };

    // Phrases that ask not to be messaged and cannot be part of a report ("stop sign", "stop light" can).
    // Matched on lower-case text without accents or punctuation, with single spaces.
    private static readonly string[] RevocationPhrases =
    [
        "stop texting", "stop messaging", "stop sending me", "stop contacting me", "stop txting",
        "dont text me", "do not text me", "dont message me", "do not message me", "dont contact me", "do not contact me",
        "unsubscribe me", "opt me out", "remove me from your list", "take me off your list", "no more texts", "no more messages",
        "dejen de enviarme", "dejen de mandarme", "dejen de escribirme", "deja de enviarme", "deja de mandarme", "deja de escribirme",
        "no me envien mas", "no me manden mas", "no me escriban mas", "darme de baja", "denme de baja", "dame de baja",
    ];

    /// <summary>
    /// The keyword class of a message on a channel. On <c>whatsapp</c> (no carrier keywords) CANCEL and QUIT are the
    /// dialog's words to cancel a report, not opt-outs: nothing blocks the address there, and a resident typing
    /// "cancel" mid-report means the report (docs/adr/0004-sms-opt-out-keywords.md). On <c>sms</c> they are opt-outs,
    /// because Twilio and the carriers block the address after them whatever we do.
    /// </summary>
    public static MessagingKeyword ClassifyFor(string? channelId, string? text, string? optOutType = null)
    {
        var keyword = Classify(text, optOutType);
        if (keyword == MessagingKeyword.OptOut
            && string.Equals(channelId, ChannelBot.Schema.ChannelIds.WhatsApp, StringComparison.Ordinal)
            && string.IsNullOrEmpty(optOutType)
            && IsCarrierOnlyOptOut(text))
        {
            return MessagingKeyword.None;
        }

        if (keyword == MessagingKeyword.OptInOnLongCode && string.Equals(channelId, ChannelBot.Schema.ChannelIds.WhatsApp, StringComparison.Ordinal))
        {
            return MessagingKeyword.None;
        }

        return keyword;
    }

    /// <summary>The opt-out words that are also ordinary dialog words (cancel a report).</summary>
    public static bool IsCarrierOnlyOptOut(string? text) =>
        text is not null && Word(text) is "CANCEL" or "QUIT";

    /// <summary>The keyword class of a message's text, given Twilio's <c>OptOutType</c> when present (it wins).</summary>
    public static MessagingKeyword Classify(string? text, string? optOutType = null)
    {
        switch (optOutType?.Trim().ToUpperInvariant())
        {
            case "STOP":
                return MessagingKeyword.OptOut;
            case "START":
                return MessagingKeyword.OptIn;
            case "HELP":
                return MessagingKeyword.Help;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return MessagingKeyword.None;
        }

        if (Words.TryGetValue(Word(text), out var keyword))
        {
            return keyword;
        }

        var normalized = Normalize(text);
        foreach (var phrase in RevocationPhrases)
        {
            if (ContainsWords(normalized, phrase))
            {
                return MessagingKeyword.Revocation;
            }
        }

        return MessagingKeyword.None;
    }

    /// <summary>The whole message as one upper-case word, surrounding spaces and punctuation dropped.</summary>
    public static string Word(string text) => text.AsSpan().Trim().Trim(".!¡?¿ \t\r\n").ToString().ToUpperInvariant();

    /// <summary>Lower case, accents and apostrophes removed, every other non-letter-or-digit run as one space, padded with spaces.</summary>
    private static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length + 2).Append(' ');
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        if (builder[^1] != ' ')
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }

    private static bool ContainsWords(string normalized, string phrase) =>
        normalized.Contains(' ' + phrase + ' ', StringComparison.Ordinal);

    /// <summary>The name a keyword has in <c>channelData.keyword</c>; null for <see cref="MessagingKeyword.None"/>.</summary>
    public static string? NameOf(MessagingKeyword keyword) => keyword switch
    {
        MessagingKeyword.OptOut => "optOut",
        MessagingKeyword.OptIn => "optIn",
        MessagingKeyword.OptInOnLongCode => "optInOnLongCode",
        MessagingKeyword.Help => "help",
        MessagingKeyword.Revocation => "revocation",
        _ => null,
    };
}
