using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class NumberRecognizerTests
{
    [Fact]
    public void The_recognizers_text_assemblies_load_and_run()
    {
        Assert.Equal(3, NumberRecognizer.Recognize("three", "en"));
    }

    [Theory]
    [InlineData("3", "en", 3)]
    [InlineData("three", "en", 3)]
    [InlineData("about 5 days", "en", 5)]
    [InlineData("twenty one", "en", 21)]
    [InlineData("2.5", "en", 2.5)]
    [InlineData("1,000", "en", 1000)]
    [InlineData("half", "en", 0.5)]
    [InlineData("5 or 6", "en", 5)]
    [InlineData("tres", "es", 3)]
    [InlineData("unos 5 días", "es", 5)]
    [InlineData("veintiuno", "es", 21)]
    [InlineData("2,5", "es", 2.5)]
    [InlineData("1.000", "es", 1000)]
    [InlineData("tres", "en", 3)]
    [InlineData("three", "es", 3)]
    public void A_number_is_read_in_either_language(string utterance, string language, double expected)
    {
        Assert.Equal(expected, NumberRecognizer.Recognize(utterance, language));
    }

    [Theory]
    [InlineData("a week", "en")]
    [InlineData("no idea", "en")]
    [InlineData("", "en")]
    [InlineData("ni idea", "es")]
    public void No_number_is_invented(string utterance, string language)
    {
        Assert.Null(NumberRecognizer.Recognize(utterance, language));
    }
}
