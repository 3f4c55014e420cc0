namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Puts back the accent of the few Spanish time words the date/time model does not know without it (residents on
/// SMS rarely type accents). Tried words: "miercoles", "sabado", "dias", "ultimo" are read fine as typed; "manana"
/// is not. Each replacement has the same length, so positions in the text stay valid.
/// </summary>
internal static class SpanishAccents
{
    private static readonly (string Plain, string Accented)[] _words = [("manana", "mañana")];

    public static string Restore(string text)
    {
        var result = text;
        foreach (var (plain, accented) in _words)
        {
            var from = 0;
            while (from < result.Length)
            {
                var at = result.IndexOf(plain, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                var end = at + plain.Length;
                if ((at == 0 || !char.IsLetter(result[at - 1])) && (end == result.Length || !char.IsLetter(result[end])))
                {
                    var replacement = char.IsUpper(result[at]) ? char.ToUpperInvariant(accented[0]) + accented[1..] : accented;
                    result = string.Concat(result.AsSpan(0, at), replacement, result.AsSpan(end));
                }

                from = end;
            }
        }

        return result;
    }
}
