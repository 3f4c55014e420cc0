using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class ConfirmRecognizerTests
{
    private static readonly string[] Yes =
    [
        "y", "yes", "yeah", "yep", "sure", "ok", "okay", "k", "correct", "right", "that's right", "of course", "no problem",
        "sí", "claro", "claro que sí", "por supuesto", "dale", "correcto",
    ];

    private static readonly string[] No =
        ["n", "no", "nope", "nah", "no thanks", "not really", "incorrect", "negativo", "para nada", "no gracias"];

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes!")]
    [InlineData("yes please")]
    [InlineData("YES PLEASE")]
    [InlineData("yesss")]
    [InlineData("yeah sure")]
    [InlineData("ok")]
    [InlineData("sí, gracias")]
    [InlineData("si")]
    [InlineData("SIII")]
    [InlineData("claro que sí")]
    [InlineData("por supuesto")]
    [InlineData("no problem")]
    [InlineData("of course!")]
    [InlineData("corect")]
    [InlineData("um yes")]
    [InlineData("I think so, yes")]
    [InlineData("that's right")]
    [InlineData("yes, and no photos")]
    [InlineData("y")]
    [InlineData("K")]
    [InlineData("1")]
    [InlineData("1.")]
    public void A_yes_reply_is_true(string reply)
    {
        Assert.True(ConfirmRecognizer.Recognize(reply, Yes, No));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("no thanks")]
    [InlineData("no, gracias")]
    [InlineData("nope")]
    [InlineData("nooo")]
    [InlineData("not really")]
    [InlineData("para nada")]
    [InlineData("negativo")]
    [InlineData("no, it's on the right side")]
    [InlineData("no y ya")]
    [InlineData("n")]
    [InlineData("2")]
    public void A_no_reply_is_false(string reply)
    {
        Assert.False(ConfirmRecognizer.Recognize(reply, Yes, No));
    }

    [Theory]
    [InlineData("yes no")]
    [InlineData("sí... no")]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("it has been a year")]
    [InlineData("3")]
    [InlineData("nobody knows")]
    [InlineData("yes... actually no")]
    [InlineData("k street and 5th")]
    public void A_contradictory_or_unrelated_reply_is_unknown(string reply)
    {
        Assert.Null(ConfirmRecognizer.Recognize(reply, Yes, No));
    }

    [Fact]
    public void A_prepared_vocabulary_gives_the_same_answers()
    {
        var vocabulary = new ConfirmVocabulary(Yes, No);

        Assert.True(ConfirmRecognizer.Recognize("yes please", vocabulary));
        Assert.False(ConfirmRecognizer.Recognize("no thanks", vocabulary));
        Assert.Null(ConfirmRecognizer.Recognize("yes no", vocabulary));
    }
}
