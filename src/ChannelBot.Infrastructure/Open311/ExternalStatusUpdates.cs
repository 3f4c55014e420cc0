using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Cases;

namespace ChannelBot.Infrastructure.Open311;

/// <summary>What became of an update another system sent.</summary>
public enum ExternalUpdateResult
{
    /// <summary>Taken (the case changed), or already taken before, or asking for nothing new: answered the same.</summary>
    Done,

    /// <summary>No case has that ticket.</summary>
    UnknownCase,

    /// <summary>The case cannot take that status now (see the reason).</summary>
    Refused,
}

/// <summary>
/// The one use case for a status another system reports (a work-order system or FixMyStreet posting to our
/// <c>servicerequestupdates</c>, or ChannelBot reading a department's Open311 system): the extended status read as ours
/// (<see cref="Open311Statuses.Change"/>), the case changed through the same editor staff use so the resident hears it,
/// and the update remembered by its sender and id. The same update again, one older than the case's last change, a
/// status the case already has, or a plain OPEN changes nothing twice.
/// </summary>
public sealed class ExternalStatusUpdates(Open311Queries queries, CaseEditor editor, TimeProvider clock)
{
    /// <summary>The longest note kept from an update's description.</summary>
    public const int MaxNote = 2000;

    public async Task<(ExternalUpdateResult Result, string? Reason)> ApplyAsync(string sender, string updateId, TicketNumber ticket, string status, DateTimeOffset? updatedAt, string? description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(status);
        var key = $"{sender}:{updateId}";
        if (await queries.ReceivedUpdateAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            return (ExternalUpdateResult.Done, null);
        }

        var found = await queries.RequestsAsync(new Open311RequestFilter([ticket], null, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 1), cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return (ExternalUpdateResult.UnknownCase, null);
        }

        var current = found[0];
        var outcome = "unchanged";
        if (Open311Statuses.Change(status, current.Status) is { } wanted
            && !string.Equals(current.Status.ToCode(), wanted.Status, StringComparison.Ordinal)
            && (updatedAt is null || updatedAt >= current.UpdatedAt.AddSeconds(-1)))
        {
            var note = description?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, MaxNote)] : null;
            var change = new StatusChangeRequest(wanted.Status, wanted.Reason, note, $"{status.ToUpperInvariant()} from {sender} (update {updateId})", null);
            var result = await editor.ChangeStatusAsync(ticket, change, sender, _ => true, cancellationToken).ConfigureAwait(false);
            if (result.Status == CaseChangeStatus.Refused)
            {
                return (ExternalUpdateResult.Refused, result.Reason ?? "The case cannot take that status now.");
            }

            outcome = result.Status == CaseChangeStatus.Changed ? wanted.Status : "unchanged";
        }

        await queries.RecordUpdateAsync(new Open311UpdateRecord { Key = key, Ticket = current.Ticket, Outcome = outcome, ReceivedAt = clock.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        return (ExternalUpdateResult.Done, null);
    }
}
