using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class PhraseMatcherTests
{
    private static readonly string[] Help = ["help", "ayuda", "what can you do", "start over"];

    [Theory]
    [InlineData("help", true)]
    [InlineData("Help!", true)]
    [InlineData("HELP??", true)]
    [InlineData("help please", true)]
    [InlineData("please help", true)]
    [InlineData("help, thanks", true)]
    [InlineData("ayuda por favor", true)]
    [InlineData("Ayuda, porfa", true)]
    [InlineData("What can you do?", true)]
    [InlineData("start-over", true)]
    [InlineData("i need help with a pothole", false)]
    [InlineData("helpful", false)]
    [InlineData("please", false)]
    [InlineData("", false)]
    public void A_word_list_matches_only_the_whole_message(string utterance, bool expected)
    {
        Assert.Equal(expected, PhraseMatcher.IsWholeMessage(utterance, Help));
        Assert.Equal(expected, PhraseMatcher.IsWholeMessage(utterance, new PhraseSet(Help)));
    }

    [Fact]
    public void A_phrase_that_is_itself_a_courtesy_still_matches_itself()
    {
        Assert.True(PhraseMatcher.IsWholeMessage("thanks!", ["thanks", "thank you"]));
    }

    [Theory]
    [InlineData("please stop texting me", "stop", true)]
    [InlineData("STOP", "stop", true)]
    [InlineData("bus stops here", "stop", false)]
    [InlineData("nonstop noise", "stop", false)]
    [InlineData("The fire-hydrant is open", "fire hydrant", true)]
    [InlineData("the fire is near the hydrant", "fire hydrant", false)]
    [InlineData("está en la calle", "esta en", true)]
    [InlineData("anything", "", false)]
    public void A_phrase_is_found_on_word_boundaries(string utterance, string phrase, bool expected)
    {
        Assert.Equal(expected, PhraseMatcher.ContainsPhrase(utterance, phrase));
    }
}
