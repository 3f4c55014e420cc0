using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ChannelBot.Domain.Common;

namespace ChannelBot.Domain.Cases;

/// <summary>
/// The number a resident quotes: <c>{prefix}-{yyyy}-{sequence}</c> with the sequence padded to six digits,
/// e.g. <c>311-2026-000123</c>. Sequences restart each year. The prefix is letters and digits (inner hyphens
/// allowed) and compares case-insensitively; parsing accepts an unpadded sequence (<c>311-2026-123</c>).
/// </summary>
public sealed record TicketNumber : IParsable<TicketNumber>
{
    public const int MaxPrefixLength = 16;

    private TicketNumber(string prefix, int year, long sequence)
    {
        Prefix = prefix;
        Year = year;
        Sequence = sequence;
    }

    public string Prefix { get; }

    public int Year { get; }

    public long Sequence { get; }

    public static TicketNumber Create(string prefix, int year, long sequence)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!IsValidPrefix(prefix))
        {
            throw new DomainException($"'{prefix}' is not a ticket prefix: use 1 to {MaxPrefixLength} letters or digits (inner hyphens allowed).");
        }

        if (year is < 1000 or > 9999)
        {
            throw new DomainException($"{year} is not a four-digit year.");
        }

        if (sequence < 1)
        {
            throw new DomainException("A ticket sequence starts at 1.");
        }

        return new TicketNumber(prefix.ToUpperInvariant(), year, sequence);
    }

    public static TicketNumber Parse(string s) => Parse(s, provider: null);

    public static TicketNumber Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, provider, out var ticket)
            ? ticket
            : throw new FormatException($"'{s}' is not a ticket number like 311-2026-000123.");
    }

    public static bool TryParse([NotNullWhen(true)] string? s, [MaybeNullWhen(false)] out TicketNumber result) =>
        TryParse(s, provider: null, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out TicketNumber result)
    {
        result = null;
        if (s is null)
        {
            return false;
        }

        var text = s.AsSpan().Trim();
        var lastDash = text.LastIndexOf('-');
        if (lastDash <= 0)
        {
            return false;
        }

        var sequenceText = text[(lastDash + 1)..];
        var rest = text[..lastDash];
        var yearDash = rest.LastIndexOf('-');
        if (yearDash <= 0)
        {
            return false;
        }

        var yearText = rest[(yearDash + 1)..];
        var prefix = rest[..yearDash].ToString();
        if (yearText.Length != 4 || !IsDigits(yearText) || sequenceText.Length is 0 or > 18 || !IsDigits(sequenceText) || !IsValidPrefix(prefix))
        {
            return false;
        }

        var year = int.Parse(yearText, NumberStyles.None, CultureInfo.InvariantCulture);
        var sequence = long.Parse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1000 || sequence < 1)
        {
            return false;
        }

        result = new TicketNumber(prefix.ToUpperInvariant(), year, sequence);
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:0000}-{Sequence:000000}");

    private static bool IsValidPrefix(string prefix)
    {
        if (prefix.Length is 0 or > MaxPrefixLength || prefix[0] == '-' || prefix[^1] == '-')
        {
            return false;
        }

        foreach (var c in prefix)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
