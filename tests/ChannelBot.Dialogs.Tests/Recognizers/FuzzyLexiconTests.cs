using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class FuzzyLexiconTests
{
    private static readonly string[] Vocabulary =
    [
        "pothole", "hole", "road", "streetlight", "light", "signal", "semaforo", "bache", "dumping", "mattress",
        "driveway", "abandoned", "vehicle", "rat", "rodent", "graffiti", "sidewalk", "crosswalk", "intersection",
        "tree", "branch", "water", "leak", "hydrant", "noise", "parking", "2nd",
    ];

    [Theory]
    [InlineData("pothol")]
    [InlineData("potholle")]
    [InlineData("pohtole")]
    [InlineData("intersecton")]
    [InlineData("intrsecton")]
    [InlineData("sidewlak")]
    [InlineData("lite")]
    [InlineData("lights")]
    [InlineData("rats")]
    [InlineData("tre")]
    [InlineData("grafiti")]
    [InlineData("hydrnt")]
    [InlineData("2nd")]
    [InlineData("3nd")]
    [InlineData("zzzzzz")]
    [InlineData("driveways")]
    [InlineData("semafro")]
    public void Finds_exactly_the_words_a_word_by_word_comparison_would_find(string probe)
    {
        var lexicon = new FuzzyLexicon(Vocabulary);
        var expected = Vocabulary.Where(v => TypoTolerance.Compare(probe, v) == WordMatch.Typo).Order().ToList();

        var found = new List<int>();
        lexicon.FindTypos(probe, found);

        Assert.Equal(expected, found.Select(id => lexicon[id]).Order().ToList());
    }

    [Fact]
    public void A_known_word_is_found_exactly_and_not_as_its_own_typo()
    {
        var lexicon = new FuzzyLexicon(Vocabulary);
        var found = new List<int>();

        lexicon.FindTypos("pothole", found);

        Assert.True(lexicon.TryGetExact("pothole", out var id));
        Assert.Equal("pothole", lexicon[id]);
        Assert.DoesNotContain(id, found);
    }
}
