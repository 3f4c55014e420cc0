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

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(64)]
    [InlineData(4_000)]
    [InlineData(200_000)]
    public void The_work_of_one_lookup_is_bounded_by_the_vocabulary_whatever_the_word(int length)
    {
        var lexicon = new FuzzyLexicon(Vocabulary);
        var random = new Random(length);
        var word = new string([.. Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26)))]);

        var probes = lexicon.FindTypos(word, []);

        Assert.InRange(probes, 0, lexicon.MaxVariantLookups);
    }

    [Fact]
    public void A_word_longer_than_any_known_word_plus_its_typos_is_not_searched_at_all()
    {
        var lexicon = new FuzzyLexicon(Vocabulary);

        // "intersection" (12 letters) is the longest known word: 14 letters can still be it with two extra letters.
        Assert.True(lexicon.FindTypos("intersectionxx", []) > 0);
        Assert.Equal(0, lexicon.FindTypos("intersectionxxx", []));
        Assert.Equal(0, lexicon.FindTypos(new string('a', 200_000), []));
        Assert.Equal(1 + 14 + (14 * 13 / 2), lexicon.MaxVariantLookups);
    }

    [Fact]
    public void A_typo_with_two_extra_letters_of_the_longest_word_is_still_found()
    {
        var lexicon = new FuzzyLexicon(Vocabulary);
        var found = new List<int>();

        lexicon.FindTypos("intersecttionn", found);

        Assert.Equal(["intersection"], found.Select(id => lexicon[id]));
    }
}
