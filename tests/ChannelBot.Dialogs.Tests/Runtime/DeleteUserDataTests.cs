using ChannelBot.Dialogs.Loading;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;
using ChannelBot.Dialogs.Tests.Loading;
using ChannelBot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Dialogs.Tests.Runtime;

/// <summary>A resident's request to delete their data (deleteUserData) makes the conversation forget them.</summary>
public sealed class DeleteUserDataTests
{
    [Fact]
    public void The_report_in_progress_the_language_and_the_last_ticket_are_forgotten()
    {
        var engine = new DialogEngine(DialogDefinitionsLoader.Load(RepositoryDialogs.Files), new FakeTimeProvider(new DateTimeOffset(2026, 6, 17, 16, 0, 0, TimeSpan.Zero)));
        var state = new ConversationState();
        state = engine.OnActivity(state, Message("hola, hay un bache enorme en la calle")).State;
        state.LastTicket = "311-2026-000123";
        Assert.NotNull(state.Intake);
        Assert.Equal("es", state.Language);

        var result = engine.OnActivity(state, new Activity { Type = ActivityTypes.DeleteUserData, Id = "del-1", ChannelId = "emulator", Conversation = new ConversationAccount { Id = "c1" }, From = new ChannelAccount { Id = "u1" } });

        Assert.Empty(result.Replies);
        Assert.Null(result.State.Intake);
        Assert.Null(result.State.Language);
        Assert.Null(result.State.LastTicket);
        Assert.False(result.State.Greeted);
        Assert.Null(result.State.LastInboundAt);
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        Conversation = new ConversationAccount { Id = "c1" },
        From = new ChannelAccount { Id = "u1", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Text = text,
    };
}
