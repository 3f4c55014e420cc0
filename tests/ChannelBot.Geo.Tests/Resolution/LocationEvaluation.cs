using System.Globalization;
using ChannelBot.Geo.Data;
using ChannelBot.Geo.Resolution;

namespace ChannelBot.Geo.Tests.Resolution;

/// <summary>
/// Scores the resolver on Data/locations.tsv as its README says: a point within 25 m (or the named park itself),
/// choices offered for the ambiguous, nothing resolved for the rest; and counts the worst failure, one place
/// chosen far from the truth.
/// </summary>
public sealed class LocationEvaluation
{
    private const double ToleranceMetres = 25;

    public required IReadOnlyList<(Case Case, LocationResolution Result, bool Right, bool WrongPlace)> Rows { get; init; }

    public sealed record Case(string Id, string Language, string Kind, string Text, string Expect, GeoPosition? Truth, string Street, string Note);

    public static LocationEvaluation Run(CityGeography city)
    {
        var rows = Read().Select(c =>
        {
            var result = city.Resolve(c.Text);
            var (right, wrong) = Score(c, result);
            return (c, result, right, wrong);
        }).ToList();
        return new LocationEvaluation { Rows = rows };
    }

    public double Share(string expect) =>
        100.0 * Rows.Count(r => r.Case.Expect == expect && r.Right) / Math.Max(1, Rows.Count(r => r.Case.Expect == expect));

    public string Failures => string.Join("\n", Rows.Where(r => !r.Right).Select(r =>
        $"{r.Case.Id} [{r.Case.Expect} {r.Case.Street}] \"{r.Case.Text}\" → {r.Result.Outcome}: {string.Join(" | ", r.Result.Candidates.Select(c => $"{c.Label} ({Distance(r.Case, c):F0} m)"))}"));

    private static (bool Right, bool WrongPlace) Score(Case c, LocationResolution result)
    {
        switch (c.Expect)
        {
            case "point":
                if (result.Best is not { } best)
                {
                    return (false, false);
                }

                var close = best.Position.MetresTo(c.Truth!.Value) <= ToleranceMetres
                    || (c.Note.Contains("Polygon", StringComparison.Ordinal) && best.Precision == LocationPrecision.Place && best.Label == c.Street);
                return (close, !close);
            case "choices":
                var offered = result.Outcome is LocationOutcome.Choices or LocationOutcome.StreetOnly && result.Candidates.Count >= 2;
                return (offered, result.Outcome == LocationOutcome.Found);
            default:
                var none = result.Outcome is not (LocationOutcome.Found or LocationOutcome.Choices);
                return (none, result.Outcome == LocationOutcome.Found);
        }
    }

    private static double Distance(Case c, ResolvedLocation location) => c.Truth is { } truth ? location.Position.MetresTo(truth) : double.NaN;

    private static IEnumerable<Case> Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "locations.tsv");
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split('\t');
            GeoPosition? truth = f[5].Length > 0
                ? new GeoPosition(double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[6], CultureInfo.InvariantCulture))
                : null;
            yield return new Case(f[0], f[1], f[2], f[3], f[4], truth, f[7], f.Length > 8 ? f[8] : "");
        }
    }
}
