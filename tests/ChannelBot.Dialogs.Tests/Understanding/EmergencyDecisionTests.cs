using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Understanding;
using Xunit;

namespace ChannelBot.Dialogs.Tests.Understanding;

/// <summary>The emergency decision and the word features it rests on, one mechanism at a time.</summary>
public sealed class EmergencyDecisionTests
{
    private static readonly EmergencyPolicy Policy = new(Gate: 0.05, Minimum: 0.25, PhraseOverruled: 0.2, SentenceMinimum: 0.7, CancelledMinimum: 0.7);

    [Fact]
    public void A_message_whose_only_phrase_is_cancelled_needs_the_stricter_score()
    {
        var plain = new EmergencyScores(Phrase: false, WholeWords: 0.3, Whole: 0.5, SentenceWords: [], Sentences: []);
        var cancelled = plain with { CancelledPhrase = true };

        Assert.True(Policy.IsEmergency(plain));
        Assert.False(Policy.IsEmergency(cancelled));
        Assert.True(Policy.IsEmergency(cancelled with { Whole = 0.75 }));
    }

    [Fact]
    public void A_cancelled_phrase_is_read_by_the_meaning_model_whatever_the_gate_says()
    {
        Assert.True(Policy.RulesOut(phrase: false, wholeWords: 0.01, sentenceWords: []));

        var cancelled = new EmergencyScores(Phrase: false, WholeWords: 0.01, Whole: 0.8, SentenceWords: [], Sentences: [], CancelledPhrase: true);
        Assert.True(Policy.IsEmergency(cancelled));
    }

    [Fact]
    public void A_phrase_that_stands_is_an_emergency_unless_the_model_is_sure_it_is_not()
    {
        var phrase = new EmergencyScores(Phrase: true, WholeWords: 0.0, Whole: 0.3, SentenceWords: [], Sentences: []);

        Assert.True(Policy.IsEmergency(phrase));
        Assert.False(Policy.IsEmergency(phrase with { Whole = 0.1 }));
    }

    [Theory]
    [InlineData("a van ran over a goose and it is flapping around", true)]
    [InlineData("un perro atropellado en la esquina", true)]
    [InlineData("a van ran over a goose and the driver is hurt", false)]
    [InlineData("I feel faint and my dog is throwing up", false)]
    [InlineData("a van ran over a bike", false)]
    public void A_message_about_animals_and_no_person_is_told_apart(string message, bool animalsOnly)
    {
        Assert.Equal(animalsOnly, HazardClauses.Of(message).AboutAnimalsOnly);
    }

    [Fact]
    public void A_message_about_animals_only_needs_the_stricter_score()
    {
        var scores = new EmergencyScores(Phrase: false, WholeWords: 0.3, Whole: 0.5, SentenceWords: [], Sentences: []);

        Assert.True(Policy.IsEmergency(scores));
        Assert.False(Policy.IsEmergency(scores with { AboutAnimalsOnly = true }));
    }

    [Fact]
    public void Spanish_messages_lean_on_the_words_more_than_on_the_sentence_model()
    {
        Assert.True(UnderstandingThresholds.EmergencyEmbeddingShare("es") < UnderstandingThresholds.EmergencyEmbeddingShare("en"));
        Assert.Equal(UnderstandingThresholds.EmergencyEmbeddingShare("en"), UnderstandingThresholds.EmergencyEmbeddingShare(null));
    }

    [Fact]
    public void Words_of_a_clause_that_is_over_are_marked_apart_from_the_same_words_now()
    {
        // The same words, bigrams and pieces; only where the clause ends differs: in the first, "the fire" is in
        // the clause placed last week and its words are marked as past too.
        var over = TextFeatures.Of("the fire last week");
        var apart = TextFeatures.Of("the fire. last week");

        Assert.Equal(2, over.Slots.Length - apart.Slots.Length);
    }

    [Fact]
    public void Words_of_a_clause_about_an_animal_are_marked_apart_from_a_person_s()
    {
        var animal = TextFeatures.Of("a dog got hit");
        var apart = TextFeatures.Of("a dog, got hit");

        Assert.Equal(2, animal.Slots.Length - apart.Slots.Length);
    }
}
