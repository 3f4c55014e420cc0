using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class ChoiceRecognizerManyTests
{
    private static readonly ChoiceOption[] Blocked =
    [
        new("LANE", "Lane", ["traffic lane", "carril"]),
        new("BIKE", "Bike lane", ["ciclovía"]),
        new("CROSS", "Crosswalk", ["paso de peatones"]),
        new("WALK", "Sidewalk", ["acera"]),
        new("CURB", "Curb and gutter", ["bordillo"]),
    ];

    [Theory]
    [InlineData("1, 3", new[] { 0, 2 })]
    [InlineData("1,3", new[] { 0, 2 })]
    [InlineData("1 3", new[] { 0, 2 })]
    [InlineData("1 and 3", new[] { 0, 2 })]
    [InlineData("1 y 3", new[] { 0, 2 })]
    [InlineData("3, 1, 3", new[] { 0, 2 })]
    [InlineData("the first and the third", new[] { 0, 2 })]
    [InlineData("primero y último", new[] { 0, 4 })]
    [InlineData("2-4", new[] { 1, 2, 3 })]
    [InlineData("2 to 4", new[] { 1, 2, 3 })]
    [InlineData("del 2 al 3", new[] { 1, 2 })]
    [InlineData("lane and crosswalk", new[] { 0, 2 })]
    [InlineData("bike lane, sidewalk", new[] { 1, 3 })]
    [InlineData("crosswalk & acera", new[] { 2, 3 })]
    [InlineData("the sidewalk and also 2", new[] { 1, 3 })]
    [InlineData("curb and gutter", new[] { 4 })]
    [InlineData("the curb and gutter plus the lane", new[] { 0, 4 })]
    [InlineData("crosswlk and sidewalk", new[] { 2, 3 })]
    [InlineData("2", new[] { 1 })]
    [InlineData("bike lane", new[] { 1 })]
    public void Every_picked_option_is_returned_once_in_option_order(string reply, int[] expected)
    {
        var matches = ChoiceRecognizer.RecognizeMany(reply, Blocked, "en");

        Assert.Equal(expected, matches.Select(m => m.Index));
        Assert.Equal(expected.Select(i => Blocked[i].Key), matches.Select(m => m.Key));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("All of them!")]
    [InlineData("all of the above")]
    [InlineData("todos")]
    [InlineData("todas por favor")]
    public void All_picks_every_option(string reply)
    {
        var matches = ChoiceRecognizer.RecognizeMany(reply, Blocked, "en");

        Assert.Equal(Enumerable.Range(0, Blocked.Length), matches.Select(m => m.Index));
        Assert.All(matches, m => Assert.Equal(ChoiceMatchKind.All, m.Kind));
    }

    [Fact]
    public void Both_picks_the_two_options_of_a_two_option_question_only()
    {
        ChoiceOption[] two = [new("N", "Northbound"), new("S", "Southbound")];

        Assert.Equal(2, ChoiceRecognizer.RecognizeMany("both", two, "en").Count);
        Assert.Equal(2, ChoiceRecognizer.RecognizeMany("ambos", two, "es").Count);
        Assert.Empty(ChoiceRecognizer.RecognizeMany("both", Blocked, "en"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no idea")]
    [InlineData("9, 12")]
    [InlineData("banana and apple")]
    public void A_reply_that_names_no_option_picks_none(string reply)
    {
        Assert.Empty(ChoiceRecognizer.RecognizeMany(reply, Blocked, "en"));
    }

    [Fact]
    public void Positions_out_of_range_are_ignored_and_the_others_kept()
    {
        var matches = ChoiceRecognizer.RecognizeMany("2, 9", Blocked, "en");

        Assert.Equal([1], matches.Select(m => m.Index));
    }
}
