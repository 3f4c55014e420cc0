using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class EmergencyDetectorTests
{
    private static readonly EmergencyDetector Detector = new(new EmergencyScreen
    {
        Phrases = new LocalizedList
        {
            ["en"] = ["fire", "smoke", "Gas leak", "smell gas", "wires down", "someone is hurt"],
            ["es"] = ["fuego", "incendio", "humo", "fuga de gas", "huele a gas", "cables caídos"],
        },
        Except = new LocalizedList
        {
            ["en"] = ["fire hydrant", "smoke detector", "fire lane"],
            ["es"] = ["detector de humo", "hidrante de fuego"],
        },
    });

    [Theory]
    [InlineData("there's a fire", "fire")]
    [InlineData("FIRE!!!", "fire")]
    [InlineData("fires near the park", "fire")]
    [InlineData("smoke coming out of the manhole", "smoke")]
    [InlineData("I smell gas on my street", "smell gas")]
    [InlineData("there is a gas-leak", "Gas leak")]
    [InlineData("wires down after the storm", "wires down")]
    [InlineData("hay humo saliendo del edificio", "humo")]
    [InlineData("huele a gas en la esquina", "huele a gas")]
    [InlineData("hay cables caidos", "cables caídos")]
    [InlineData("the fire hydrant is on fire", "fire")]
    [InlineData("car parked in the fire lane and the engine is on fire", "fire")]
    public void An_emergency_phrase_anywhere_in_the_message_is_detected(string utterance, string expected)
    {
        Assert.Equal(expected, Detector.Detect(utterance));
    }

    [Theory]
    [InlineData("the fire hydrant is leaking")]
    [InlineData("Fire hydrants open on Elm St")]
    [InlineData("my smoke detector keeps beeping")]
    [InlineData("car parked in the fire lane")]
    [InlineData("el detector de humo suena")]
    [InlineData("el hidrante de fuego está roto")]
    [InlineData("we need to hire someone for the trees")]
    [InlineData("gasoline smell")]
    [InlineData("firefighters were here yesterday")]
    [InlineData("")]
    public void A_message_with_no_emergency_or_only_an_exception_is_not_an_emergency(string utterance)
    {
        Assert.Null(Detector.Detect(utterance));
    }

    [Fact]
    public void A_screen_without_phrases_detects_nothing()
    {
        var detector = new EmergencyDetector(new EmergencyScreen { Phrases = [] });

        Assert.Null(detector.Detect("there's a fire"));
    }
}
