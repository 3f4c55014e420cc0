using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class ChoiceRecognizerOneTests
{
    private static readonly ChoiceOption[] Where =
    [
        new("LANE", "Travel lane", ["lane", "carril"]),
        new("BIKE", "Bike lane", ["bicycle lane", "ciclovía", "carril bici"]),
        new("CROSS", "Crosswalk", ["cross walk", "paso de peatones", "cruce"]),
        new("WALK", "Sidewalk", ["acera", "banqueta"]),
    ];

    [Theory]
    [InlineData("2", "en", 1, ChoiceMatchKind.Number)]
    [InlineData("#2", "en", 1, ChoiceMatchKind.Number)]
    [InlineData("2.", "en", 1, ChoiceMatchKind.Number)]
    [InlineData(" 2 ", "en", 1, ChoiceMatchKind.Number)]
    [InlineData("two", "en", 1, ChoiceMatchKind.Number)]
    [InlineData("dos", "en", 1, ChoiceMatchKind.Number)]
    [InlineData("number 3 please", "en", 2, ChoiceMatchKind.Number)]
    [InlineData("option 4", "en", 3, ChoiceMatchKind.Number)]
    [InlineData("opción 1", "es", 0, ChoiceMatchKind.Number)]
    [InlineData("second", "en", 1, ChoiceMatchKind.Ordinal)]
    [InlineData("the 2nd", "en", 1, ChoiceMatchKind.Ordinal)]
    [InlineData("2nd", "en", 1, ChoiceMatchKind.Ordinal)]
    [InlineData("the second one", "en", 1, ChoiceMatchKind.Ordinal)]
    [InlineData("I think it's the 3rd", "en", 2, ChoiceMatchKind.Ordinal)]
    [InlineData("segundo", "es", 1, ChoiceMatchKind.Ordinal)]
    [InlineData("la segunda", "es", 1, ChoiceMatchKind.Ordinal)]
    [InlineData("2º", "es", 1, ChoiceMatchKind.Ordinal)]
    [InlineData("2ª", "es", 1, ChoiceMatchKind.Ordinal)]
    [InlineData("3er", "es", 2, ChoiceMatchKind.Ordinal)]
    [InlineData("la tercera opción", "es", 2, ChoiceMatchKind.Ordinal)]
    [InlineData("last", "en", 3, ChoiceMatchKind.Ordinal)]
    [InlineData("the last one", "en", 3, ChoiceMatchKind.Ordinal)]
    [InlineData("el último", "es", 3, ChoiceMatchKind.Ordinal)]
    [InlineData("la ultima", "es", 3, ChoiceMatchKind.Ordinal)]
    public void A_position_picks_the_option_at_that_place(string reply, string language, int expected, ChoiceMatchKind kind)
    {
        var match = ChoiceRecognizer.RecognizeOne(reply, Where, language);

        Assert.NotNull(match);
        Assert.Equal(expected, match.Index);
        Assert.Equal(Where[expected].Key, match.Key);
        Assert.Equal(kind, match.Kind);
        Assert.Equal(1.0, match.Score);
    }

    [Theory]
    [InlineData("Crosswalk", 2)]
    [InlineData("CROSSWALK!", 2)]
    [InlineData("crosswalk.", 2)]
    [InlineData("Bike lane", 1)]
    [InlineData("acera", 3)]
    [InlineData("Paso de peatones", 2)]
    [InlineData("ciclovia", 1)]
    [InlineData("lane", 0)]
    public void The_title_or_a_synonym_as_the_whole_reply_is_an_exact_match(string reply, int expected)
    {
        var match = ChoiceRecognizer.RecognizeOne(reply, Where, "en");

        Assert.NotNull(match);
        Assert.Equal(expected, match.Index);
        Assert.Equal(ChoiceMatchKind.Exact, match.Kind);
        Assert.Equal(1.0, match.Score);
    }

    [Theory]
    [InlineData("I think it's the crosswalk one", 2)]
    [InlineData("right in the middle of the crosswalk near the school", 2)]
    [InlineData("the bike lane by the park", 1)]
    [InlineData("crosswalks", 2)]
    [InlineData("en la acera de enfrente", 3)]
    public void A_title_or_synonym_inside_a_longer_reply_is_found(string reply, int expected)
    {
        var match = ChoiceRecognizer.RecognizeOne(reply, Where, "en");

        Assert.NotNull(match);
        Assert.Equal(expected, match.Index);
        Assert.Equal(ChoiceMatchKind.Contained, match.Kind);
        Assert.InRange(match.Score, ChoiceScores.ContainedBase, ChoiceScores.Exact - 0.01);
    }

    [Theory]
    [InlineData("crosswlk", 2)]
    [InlineData("sidewlak", 3)]
    [InlineData("on the sidwalk", 3)]
    [InlineData("bike lnae", 1)]
    public void Small_typos_in_a_title_are_forgiven(string reply, int expected)
    {
        var match = ChoiceRecognizer.RecognizeOne(reply, Where, "en");

        Assert.NotNull(match);
        Assert.Equal(expected, match.Index);
        Assert.Equal(ChoiceMatchKind.Fuzzy, match.Kind);
    }

    [Fact]
    public void Some_words_of_a_longer_title_are_a_partial_match()
    {
        var match = ChoiceRecognizer.RecognizeOne("the bike one", Where, "en");

        Assert.NotNull(match);
        Assert.Equal(1, match.Index);
        Assert.Equal(ChoiceMatchKind.Partial, match.Kind);
        Assert.True(match.Score < ChoiceScores.ContainedBase);
    }

    [Fact]
    public void A_position_word_with_a_typo_is_read_in_the_residents_language()
    {
        var match = ChoiceRecognizer.RecognizeOne("secnd", Where, "en");

        Assert.NotNull(match);
        Assert.Equal(1, match.Index);
        Assert.Equal(ChoiceScores.PositionWithTypo, match.Score);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("banana")]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("fifth")]
    [InlineData("tree")]
    [InlineData("cat")]
    [InlineData("right next to the store")]
    public void A_reply_that_names_no_option_picks_nothing(string reply)
    {
        Assert.Null(ChoiceRecognizer.RecognizeOne(reply, Where, "en"));
    }

    [Theory]
    [InlineData("lane or crosswalk")]
    [InlineData("the crosswalk or the sidewalk, not sure")]
    public void A_reply_that_names_two_options_equally_picks_nothing(string reply)
    {
        Assert.Null(ChoiceRecognizer.RecognizeOne(reply, Where, "en"));
    }

    [Fact]
    public void Two_options_with_the_same_synonym_are_never_picked_silently()
    {
        ChoiceOption[] options = [new("A", "Main road", ["road"]), new("B", "Side road", ["road"])];

        Assert.Null(ChoiceRecognizer.RecognizeOne("road", options, "en"));
        Assert.Equal(1, ChoiceRecognizer.RecognizeOne("side road", options, "en")?.Index);
    }

    [Fact]
    public void A_longer_title_found_whole_beats_a_shorter_one_inside_it()
    {
        var match = ChoiceRecognizer.RecognizeOne("it's in the bike lane", Where, "en");

        Assert.Equal(1, match?.Index);
    }

    [Fact]
    public void A_title_that_is_a_number_wins_over_the_position()
    {
        ChoiceOption[] howMany = [new("THREE", "3"), new("TWO", "2"), new("ONE", "1")];

        var match = ChoiceRecognizer.RecognizeOne("1", howMany, "en");

        Assert.Equal("ONE", match?.Key);
        Assert.Equal(ChoiceMatchKind.Exact, match?.Kind);
    }

    [Fact]
    public void A_number_shared_with_a_longer_title_is_not_a_partial_match()
    {
        ChoiceOption[] hazards = [new("DEEP", "Very deep", ["more than 3 inches"]), new("WATER", "Filled with water")];

        Assert.Null(ChoiceRecognizer.RecognizeOne("2 y 3", hazards, "es"));
        Assert.Equal("DEEP", ChoiceRecognizer.RecognizeOne("more than 3 inches deep", hazards, "en")?.Key);
    }

    [Fact]
    public void The_crosswalk_one_is_not_read_as_option_one()
    {
        var match = ChoiceRecognizer.RecognizeOne("the crosswalk one", Where, "en");

        Assert.Equal("CROSS", match?.Key);
    }

    [Fact]
    public void A_prepared_choice_set_gives_the_same_answers_as_the_option_list()
    {
        var set = new ChoiceSet(Where);
        string[] replies = ["2", "segunda", "crosswlk", "the bike one", "I think it's the crosswalk one", "banana"];

        foreach (var reply in replies)
        {
            Assert.Equal(ChoiceRecognizer.RecognizeOne(reply, Where, "en"), ChoiceRecognizer.RecognizeOne(reply, set, "en"));
        }
    }
}
