using System.Text.RegularExpressions;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>Finds e-mail-shaped words: local part, "@", dotted domain with a letter-only top level.</summary>
internal static partial class EmailPattern
{
    [GeneratedRegex(
        @"(?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![\w-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 250)]
    public static partial Regex Find();
}
