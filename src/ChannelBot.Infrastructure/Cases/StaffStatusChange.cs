using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>A staff status change by its Open311-style name (<c>acknowledged</c>, <c>closed</c>…) applied to the case, with its notes cleaned.</summary>
internal static class StaffStatusChange
{
    public static void Apply(Case found, StatusChangeRequest request, string by, DateTimeOffset now)
    {
        var publicNote = Clean(request.PublicNote);
        var internalNote = Clean(request.InternalNote);
        switch (request.Status)
        {
            case "acknowledged":
                found.Acknowledge(by, now, publicNote, internalNote);
                break;
            case "scheduled":
                found.Schedule(by, now, publicNote, internalNote);
                break;
            case "in_progress":
                found.StartWork(by, now, publicNote, internalNote);
                break;
            case "fixed":
                found.MarkFixed(by, now, publicNote, internalNote);
                break;
            case "closed":
                found.Close(ParseReason(request.Reason), by, now, publicNote, internalNote);
                break;
            case "reopened":
                found.Reopen(by, now, publicNote, internalNote);
                break;
            default:
                throw new DomainException($"'{request.Status}' is not a status staff can set: use acknowledged, scheduled, in_progress, fixed, closed or reopened.");
        }
    }

    private static CaseClosureReason? ParseReason(string? reason) => reason switch
    {
        null or "" => null,
        "duplicate" => CaseClosureReason.Duplicate,
        "referred" => CaseClosureReason.Referred,
        "no_action" => CaseClosureReason.NoAction,
        _ => throw new DomainException($"'{reason}' is not a closure reason: use duplicate, referred or no_action."),
    };

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
