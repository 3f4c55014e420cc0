using ChannelBot.Dialogs.Tests.Support;
using ChannelBot.Dialogs.Understanding;
using Xunit;

namespace ChannelBot.Dialogs.Tests.Understanding;

/// <summary>
/// The shipped emergency screen (phrases, clause scope and models of dialogs/interrupts.yaml) on one message of each
/// failure class of issue 13, worded apart from both the examples and the development set.
/// </summary>
public sealed class EmergencyScreenTests
{
    private static readonly Lazy<MessageUnderstanding> _understanding = new(() => MessageUnderstanding.For(DialogsFolder.Load()));

    [Theory]
    [InlineData("the power line on Vine is down but it is not sparking at all, just lying by the fence")]
    [InlineData("the garage fire on Kent was three weeks ago and the burnt frame is still standing")]
    [InlineData("la fuga de gas ya la arreglaron ayer, pero dejaron la banqueta rota")]
    [InlineData("kids in the park keep shooting hoops after midnight")]
    [InlineData("a cat got hurt by a car on Oak, it's bleeding on the curb")]
    [InlineData("a delivery van ran over a goose on the park road and it is flapping around")]
    public void A_hazard_the_message_takes_back_is_not_an_emergency(string message)
    {
        Assert.False(_understanding.Value.IsEmergency(message), _understanding.Value.ExplainEmergency(message));
    }

    [Theory]
    [InlineData("my grandma just fainted in the hallway and isn't answering me")]
    [InlineData("I just heard three gunshots outside my window")]
    [InlineData("the carbon monoxide detector keeps going off and we are all dizzy")]
    [InlineData("hay humo saliendo de la casa de al lado ahorita")]
    [InlineData("the fire from last night started up again and the roof is burning now")]
    [InlineData("a mi hermano le está dando un ataque, está temblando en el piso y no contesta")]
    [InlineData("se acaban de escuchar balazos en el estacionamiento de la escuela")]
    public void A_hazard_happening_now_is_an_emergency(string message)
    {
        Assert.True(_understanding.Value.IsEmergency(message), _understanding.Value.ExplainEmergency(message));
    }
}
