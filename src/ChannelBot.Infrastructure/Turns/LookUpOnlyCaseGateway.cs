using ChannelBot.Application.Conversations;
using ChannelBot.Dialogs.Runtime;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// The case gateway a turn gets while it runs before the write transaction: look-ups (reads) go to the real
/// gateway; anything that writes (filing or reopening a case, which takes a ticket number from the counter
/// row) stops the turn with <see cref="WriteEffectDeferredException"/>, and the worker runs that turn again,
/// from its stored state, inside the transaction.
/// </summary>
internal sealed class LookUpOnlyCaseGateway(ICaseGateway inner) : ICaseGateway
{
    public Task<CaseReceipt> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken) =>
        throw new WriteEffectDeferredException();

    public Task<CaseLookup> LookUpAsync(string ticket, string askerChannelId, string? askerUserId, CancellationToken cancellationToken) =>
        inner.LookUpAsync(ticket, askerChannelId, askerUserId, cancellationToken);

    public Task<IReadOnlyList<NearbyCase>> FindNearbyAsync(FindNearbyCases query, CancellationToken cancellationToken) =>
        inner.FindNearbyAsync(query, cancellationToken);

    public Task<CaseReopening> ReopenAsync(string ticket, string note, string askerChannelId, string? askerUserId, CancellationToken cancellationToken) =>
        throw new WriteEffectDeferredException();
}
