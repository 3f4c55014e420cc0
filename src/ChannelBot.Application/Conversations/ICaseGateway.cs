using ChannelBot.Dialogs.Runtime;
using ChannelBot.Schema;

namespace ChannelBot.Application.Conversations;

/// <summary>
/// The case (and handoff) effects a turn may need, carried out inside the turn's own transaction so that the case, the new
/// conversation state and the replies are saved together or not at all.
/// </summary>
public interface ICaseGateway
{
    /// <summary>Creates a case from a finished intake and returns its ticket number.</summary>
    Task<CaseReceipt> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken);

    /// <summary>Finds a case for a status question; <paramref name="askerChannelId"/>/<paramref name="askerUserId"/> decide whether the asker is its reporter.</summary>
    Task<CaseLookup> LookUpAsync(string ticket, string askerChannelId, string? askerUserId, CancellationToken cancellationToken);

    /// <summary>Open cases of a service near a point, nearest first (at most a few), for the duplicate offer at intake.</summary>
    Task<IReadOnlyList<NearbyCase>> FindNearbyAsync(FindNearbyCases query, CancellationToken cancellationToken);

    /// <summary>Reopens a fixed or closed case at its reporter's word (anyone else: not reopened), the words as a public note.</summary>
    Task<CaseReopening> ReopenAsync(string ticket, string note, string askerChannelId, string? askerUserId, CancellationToken cancellationToken);

    /// <summary>Puts <paramref name="inbound"/>'s conversation in line for a 311 operator (live handoff).</summary>
    Task JoinHandoffQueueAsync(Activity inbound, JoinHandoffQueue join, CancellationToken cancellationToken);

    /// <summary>Closes <paramref name="inbound"/>'s conversation's place in line: it is back with the bot.</summary>
    Task LeaveHandoffQueueAsync(Activity inbound, CancellationToken cancellationToken);
}
