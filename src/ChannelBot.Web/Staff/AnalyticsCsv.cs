using System.Text;

namespace ChannelBot.Web.Staff;

/// <summary>
/// Writes a table as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break in
/// double quotes, quotes doubled). Safe to open in a spreadsheet: a cell that starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return (which a spreadsheet would run as a formula) gets a leading
/// apostrophe (OWASP's advice on CSV injection). Names come from the catalog, the city's map and the channels, so
/// any of them may start that way.
/// </summary>
public static class AnalyticsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly char[] NeedQuotes = [',', '"', '\r', '\n'];

    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }

        return text.ToString();
    }

    /// <summary>One cell as written: neutralised against formulas, then quoted when it needs it.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var safe = Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
        return safe.IndexOfAny(NeedQuotes) >= 0 || safe != safe.Trim()
            ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : safe;
    }

    private static void Line(StringBuilder text, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Cell(cells[i]));
        }

        text.Append("\r\n");
    }
}
