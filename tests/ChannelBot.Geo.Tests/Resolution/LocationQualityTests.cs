using ChannelBot.Geo.Tests.Support;
using Xunit.Abstractions;

namespace ChannelBot.Geo.Tests.Resolution;

/// <summary>The resolver on the evaluation set (Data/locations.tsv), against the sample city.</summary>
public sealed class LocationQualityTests(ITestOutputHelper output)
{
    private static readonly Lazy<LocationEvaluation> Evaluation = new(() => LocationEvaluation.Run(SampleCity.Geography));

    [Fact]
    public void At_least_95_percent_of_the_places_land_within_25_metres()
    {
        var e = Evaluation.Value;
        output.WriteLine(e.Failures);
        Assert.True(e.Share("point") >= 95, $"within 25 m: {e.Share("point"):F1} %\n{e.Failures}");
    }

    [Fact]
    public void No_text_lands_on_a_wrong_place_without_choices()
    {
        var wrong = Evaluation.Value.Rows.Where(r => r.WrongPlace).Select(r => $"{r.Case.Id}: \"{r.Case.Text}\" → {r.Result.Best?.Label}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Ambiguous_texts_are_offered_as_choices()
    {
        var e = Evaluation.Value;
        Assert.True(e.Share("choices") >= 95, $"choices offered: {e.Share("choices"):F1} %\n{e.Failures}");
    }

    [Fact]
    public void Texts_that_name_no_place_in_the_city_ask_again()
    {
        var e = Evaluation.Value;
        Assert.True(e.Share("none") == 100, $"asked again: {e.Share("none"):F1} %\n{e.Failures}");
    }
}
