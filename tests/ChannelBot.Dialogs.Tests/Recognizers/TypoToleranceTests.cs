using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class TypoToleranceTests
{
    [Theory]
    [InlineData("pothole", "pothole", WordMatch.Exact)]
    [InlineData("pothol", "pothole", WordMatch.Typo)]
    [InlineData("sidewlak", "sidewalk", WordMatch.Typo)]
    [InlineData("lane", "line", WordMatch.Typo)]
    [InlineData("intrsecton", "intersection", WordMatch.Typo)]
    [InlineData("intrsectn", "intersection", WordMatch.None)]
    [InlineData("crswlk", "crosswalk", WordMatch.None)]
    [InlineData("cat", "car", WordMatch.None)]
    [InlineData("yes", "yet", WordMatch.None)]
    [InlineData("hol", "hole", WordMatch.None)]
    [InlineData("2nd", "3rd", WordMatch.None)]
    [InlineData("abcd", "wxyz", WordMatch.None)]
    public void Short_words_must_be_exact_and_longer_ones_may_have_typos(string word, string known, WordMatch expected)
    {
        Assert.Equal(expected, TypoTolerance.Compare(word, known));
    }

    [Theory]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("abcdef", "badcfe", 3)]
    public void The_distance_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Bounded(a, b, 10));
    }

    [Fact]
    public void The_distance_stops_counting_past_the_bound()
    {
        Assert.Equal(2, EditDistance.Bounded("kitten", "sitting", 1));
    }
}
