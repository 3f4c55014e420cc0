using ChannelBot.Channels.Common;
using ChannelBot.Channels.Twilio;

namespace ChannelBot.Channels.Tests.Twilio;

public sealed class MessagingKeywordsTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("  Stop \n")]
    [InlineData("Stop!")]
    [InlineData("STOPALL")]
    [InlineData("unsubscribe")]
    [InlineData("Cancel")]
    [InlineData("end")]
    [InlineData("QUIT")]
    [InlineData("revoke")]
    [InlineData("OptOut")]
    public void Every_opt_out_word_opts_out_in_any_case_with_surrounding_spaces(string text)
    {
        Assert.Equal(MessagingKeyword.OptOut, MessagingKeywords.Classify(text));
    }

    [Theory]
    [InlineData("START")]
    [InlineData(" unstop ")]
    public void Start_and_unstop_opt_back_in(string text)
    {
        Assert.Equal(MessagingKeyword.OptIn, MessagingKeywords.Classify(text));
    }

    [Fact]
    public void Yes_opts_in_only_where_the_application_says_it_does()
    {
        Assert.Equal(MessagingKeyword.OptInOnLongCode, MessagingKeywords.Classify("Yes"));
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("help")]
    [InlineData("Info")]
    public void Help_and_info_ask_for_the_help_text(string text)
    {
        Assert.Equal(MessagingKeyword.Help, MessagingKeywords.Classify(text));
    }

    [Theory]
    [InlineData("please stop texting me")]
    [InlineData("Stop texting me!!")]
    [InlineData("Don't text me anymore")]
    [InlineData("DO NOT MESSAGE ME")]
    [InlineData("unsubscribe me please")]
    [InlineData("Please remove me from your list.")]
    [InlineData("Dejen de enviarme mensajes")]
    [InlineData("no me envíen más mensajes por favor")]
    [InlineData("Quiero darme de baja")]
    public void A_request_in_the_residents_own_words_is_a_revocation(string text)
    {
        Assert.Equal(MessagingKeyword.Revocation, MessagingKeywords.Classify(text));
    }

    [Theory]
    [InlineData("The stop sign at Oak and 3rd is knocked down")]
    [InlineData("stop light out on Main")]
    [InlineData("stop sign")]
    [InlineData("STOP SIGN DOWN")]
    [InlineData("There is a car that won't stop honking")]
    [InlineData("the bus stop shelter glass is broken, help")]
    [InlineData("yes it is still there")]
    [InlineData("I need help")]
    [InlineData("cancel my report")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Reports_and_sentences_that_merely_contain_a_keyword_are_ordinary_messages(string? text)
    {
        Assert.Equal(MessagingKeyword.None, MessagingKeywords.Classify(text));
    }

    [Theory]
    [InlineData("STOP", MessagingKeyword.OptOut)]
    [InlineData("start", MessagingKeyword.OptIn)]
    [InlineData("HELP", MessagingKeyword.Help)]
    public void Twilios_opt_out_type_wins_over_the_text(string optOutType, MessagingKeyword expected)
    {
        Assert.Equal(expected, MessagingKeywords.Classify("arrêtez s'il vous plaît", optOutType));
    }

    [Fact]
    public void An_unknown_opt_out_type_falls_back_to_the_text()
    {
        Assert.Equal(MessagingKeyword.OptOut, MessagingKeywords.Classify("stop", "SOMETHINGNEW"));
        Assert.Equal(MessagingKeyword.None, MessagingKeywords.Classify("hello", ""));
    }
}
