using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class CategoryClassifierTests
{
    private static readonly CategoryClassifier Classifier = new(TestCatalog.Build());

    [Theory]
    [InlineData("there's a huge hole in the road on Main St", "en", "PTHOLE")]
    [InlineData("hay un bache enorme en la calle", "es", "PTHOLE")]
    [InlineData("Potholes everywhere on 5th Ave!!", "en", "PTHOLE")]
    [InlineData("someone dumped a mattress in the alley", "en", "DUMPING")]
    [InlineData("car parked in front of my driveway", "en", "DRIVEWAY")]
    [InlineData("car hasn't moved in weeks", "en", "ABANDONED")]
    [InlineData("rats everywhere", "en", "RODENT")]
    [InlineData("hay ratas en el patio", "es", "RODENT")]
    [InlineData("el semáforo está descompuesto", "es", "SIGNAL")]
    [InlineData("I have a general question", "en", "OTHER")]
    public void A_clear_description_is_classified_with_confidence(string utterance, string language, string expected)
    {
        var result = Classifier.Classify(utterance, language);

        Assert.Equal(expected, result.Confident?.Code);
        Assert.Equal(expected, result.Suggestions[0].Service.Code);
    }

    [Fact]
    public void A_light_that_is_out_could_be_a_streetlight_or_a_traffic_signal()
    {
        var result = Classifier.Classify("the light is out on my street", "en");

        Assert.Null(result.Confident);
        Assert.Equal(["STLIGHT", "SIGNAL"], Codes(result));
    }

    [Fact]
    public void A_dumped_mattress_also_suggests_a_bulk_pickup_behind_dumping()
    {
        var result = Classifier.Classify("someone dumped a mattress in the alley", "en");

        Assert.Equal(["DUMPING", "BULKY"], Codes(result));
        Assert.True(result.Suggestions[0].Score > result.Suggestions[1].Score);
    }

    [Theory]
    [InlineData("asdfgh qwerty zxcvbn")]
    [InlineData("blorp fizzbang wub")]
    [InlineData("hello, is anyone there?")]
    [InlineData("")]
    [InlineData("   !!! ")]
    public void Words_that_point_at_nothing_give_no_suggestions(string utterance)
    {
        var result = Classifier.Classify(utterance, "en");

        Assert.Null(result.Confident);
        Assert.Empty(result.Suggestions);
    }

    [Fact]
    public void A_misspelled_keyword_is_suggested_but_not_taken_for_sure()
    {
        var result = Classifier.Classify("there is a pothle on my block", "en");

        Assert.Null(result.Confident);
        Assert.Equal("PTHOLE", Assert.Single(result.Suggestions).Service.Code);
    }

    [Fact]
    public void A_misspelled_phrase_of_several_words_is_still_confident()
    {
        var result = Classifier.Classify("there's a crater in the raod", "en");

        Assert.Equal("PTHOLE", result.Confident?.Code);
    }

    [Fact]
    public void A_phrase_of_several_words_weighs_more_than_a_single_word()
    {
        var phrase = Classifier.Classify("big hole in the road", "en").Suggestions[0].Score;
        var word = Classifier.Classify("pothole", "en").Suggestions[0].Score;

        Assert.True(phrase > word, $"phrase {phrase} should outweigh word {word}");
    }

    [Fact]
    public void A_keyword_in_the_residents_language_counts_more_than_the_same_keyword_in_the_other_language()
    {
        var inSpanish = Classifier.Classify("bache", "es");
        var inEnglish = Classifier.Classify("bache", "en");

        Assert.True(inSpanish.Suggestions[0].Score > inEnglish.Suggestions[0].Score);
        Assert.Equal("PTHOLE", inEnglish.Confident?.Code);
    }

    [Fact]
    public void The_service_name_is_a_keyword_too()
    {
        var result = Classifier.Classify("Rodents", "en");

        Assert.Equal("RODENT", result.Confident?.Code);
    }

    [Fact]
    public void Answer_synonyms_of_a_service_point_at_it_weakly()
    {
        var result = Classifier.Classify("something in the bicycle lane", "en");

        Assert.Equal("PTHOLE", Assert.Single(result.Suggestions).Service.Code);
        Assert.Null(result.Confident);
    }

    [Fact]
    public void The_general_service_is_not_suggested_for_words_that_do_not_point_at_it()
    {
        var result = Classifier.Classify("the streetlight has been flickering", "en");

        Assert.DoesNotContain("OTHER", Codes(result));
    }

    [Fact]
    public void The_general_service_gives_way_when_a_specific_type_is_named()
    {
        var result = Classifier.Classify("the other day a pothole opened up", "en");

        Assert.Equal("PTHOLE", result.Confident?.Code);
    }

    [Fact]
    public void At_most_three_types_are_suggested()
    {
        var result = Classifier.Classify("light out, mattress, couch, rats and a pothole", "en");

        Assert.Equal(3, result.Suggestions.Count);
        Assert.Null(result.Confident);
    }

    [Fact]
    public void A_catalog_without_a_general_service_classifies_the_same()
    {
        var catalog = TestCatalog.Build();
        var classifier = new CategoryClassifier(catalog, generalServiceCode: "NONE");

        Assert.Equal("PTHOLE", classifier.Classify("hole in the road", "en").Confident?.Code);
    }

    private static List<string> Codes(CategoryClassification result) => result.Suggestions.Select(s => s.Service.Code).ToList();
}
