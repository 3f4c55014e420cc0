using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;
using Xunit;

namespace ChannelBot.Dialogs.Tests.Recognizers;

/// <summary>A listed phrase stands only where its clause does not take it back (<see cref="EmergencyDetector.Find"/>).</summary>
public class EmergencyPhraseScopeTests
{
    private static readonly EmergencyDetector Detector = new(new EmergencyScreen
    {
        Phrases = new LocalizedList
        {
            ["en"] = ["fire", "smoke", "smell gas", "sparking", "sparks", "bleeding", "injured", "crash"],
            ["es"] = ["incendio", "humo", "huele a gas", "chispas", "herido", "sangrando"],
        },
        Except = new LocalizedList { ["en"] = ["fire hydrant"] },
    });

    [Theory]
    [InlineData("the wire is down but it isn't sparking")]
    [InlineData("I don't smell gas at all")]
    [InlineData("nobody was injured")]
    [InlineData("there's no smoke or fire")]
    [InlineData("el cable está colgando, no echa chispas")]
    [InlineData("nadie salió herido")]
    [InlineData("ya revisé y no huele a gas")]
    public void A_negation_that_reaches_the_phrase_cancels_it(string message)
    {
        var found = Detector.Find(message);

        Assert.Null(found.Phrase);
        Assert.Equal(PhraseCancel.Negated, found.Cancelled?.Reason);
    }

    [Theory]
    [InlineData("no one is hurt but the car is on fire", "fire")]
    [InlineData("not sure what it is, smoke is pouring out of the vent", "smoke")]
    [InlineData("I can't stop the bleeding", "bleeding")]
    [InlineData("he doesn't know it but his garage is on fire", "fire")]
    public void A_negation_ends_at_its_clause_or_at_a_word_that_is_not_light(string message, string expected)
    {
        Assert.Equal(expected, Detector.Detect(message));
    }

    [Theory]
    [InlineData("the fire last week left the house open")]
    [InlineData("there was a crash on this corner a few years back")]
    [InlineData("we had a brush fire, it's out now")]
    [InlineData("there was a fire in the dumpster but they put it out")]
    [InlineData("the firefighters put out the fire")]
    [InlineData("the apartment fire was back in March")]
    [InlineData("el incendio de anoche dejó todo negro")]
    [InlineData("hubo un incendio hace meses")]
    [InlineData("el incendio ya se apagó")]
    [InlineData("el incendio fue la semana pasada")]
    public void A_hazard_placed_in_the_past_or_said_to_be_over_is_cancelled(string message)
    {
        var found = Detector.Find(message);

        Assert.Null(found.Phrase);
        Assert.Equal(PhraseCancel.Over, found.Cancelled?.Reason);
    }

    [Theory]
    [InlineData("the fire from last night started again now", "fire")]
    [InlineData("the smoke alarm started an hour ago and there's smoke in the hall", "smoke")]
    [InlineData("the fire is out of control", "fire")]
    [InlineData("my wife fell and she's bleeding", "bleeding")]
    [InlineData("there was a crash last night, and now a car is on fire", "fire")]
    [InlineData("the fire is spreading, the firefighters are not here yet", "fire")]
    [InlineData("hace días que huele a gas en el pasillo", "huele a gas")]
    [InlineData("estamos encerrados desde hace media hora y sale humo", "humo")]
    public void A_bare_past_tense_minutes_and_hours_or_a_return_to_now_leave_the_phrase_standing(string message, string expected)
    {
        Assert.Equal(expected, Detector.Detect(message));
    }

    [Theory]
    [InlineData("there's a cat bleeding under my porch")]
    [InlineData("injured dog limping down Main")]
    [InlineData("el gato está herido")]
    public void Harm_to_an_animal_is_cancelled(string message)
    {
        Assert.Equal(PhraseCancel.Animal, Detector.Find(message).Cancelled?.Reason);
        Assert.Null(Detector.Detect(message));
    }

    [Theory]
    [InlineData("a dog bit a kid and the kid is bleeding", "bleeding")]
    [InlineData("the dog house is on fire", "fire")]
    public void An_animal_does_not_cancel_harm_to_a_person_nor_a_fire(string message, string expected)
    {
        Assert.Equal(expected, Detector.Detect(message));
    }

    [Theory]
    [InlineData("grill smoke fills the plaza at lunch")]
    [InlineData("the hookah lounge smoke gets into our apartment")]
    [InlineData("sparks from the welding shop fly onto the sidewalk")]
    [InlineData("el humo de la parrilla del vecino entra a mi casa")]
    public void Smoke_or_sparks_from_an_everyday_source_are_cancelled(string message)
    {
        Assert.Equal(PhraseCancel.OrdinarySource, Detector.Find(message).Cancelled?.Reason);
    }

    [Fact]
    public void An_everyday_source_does_not_cancel_a_fire()
    {
        Assert.Equal("fire", Detector.Detect("the grill caught fire and it's spreading to the deck"));
    }

    [Fact]
    public void A_message_without_a_phrase_finds_nothing_and_cancels_nothing()
    {
        Assert.Equal(EmergencyPhrase.None, Detector.Find("pothole on Elm"));
    }
}
