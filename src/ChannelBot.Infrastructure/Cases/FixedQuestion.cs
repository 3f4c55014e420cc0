using ChannelBot.Dialogs.State;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>After "fixed", the resident is asked whether it is: their conversation is set to wait for that answer, in the change's transaction.</summary>
internal static class FixedQuestion
{
    /// <summary>The "fixed" message asks "Is it fixed?": the resident's conversation waits for that answer.</summary>
    public static async Task AskAsync(ChannelBotDbContext db, Case residentCase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Key == residentCase.ConversationKey, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return;
        }

        var state = DialogStateJson.Deserialize(conversation.StateJson);
        state.Feedback = new FeedbackRequest(residentCase.Ticket.ToString(), now);
        conversation.StateJson = DialogStateJson.Serialize(state);
        conversation.Version++;
        conversation.UpdatedAt = now;
    }
}
