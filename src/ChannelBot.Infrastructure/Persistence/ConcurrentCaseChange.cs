using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// Two changes to one case made at once both add history entry number N. Whichever reaches the database
/// second breaks the history's primary key (case, sequence) before its case row's version check runs, so
/// the database reports a duplicate key where the truth is a concurrent change.
/// </summary>
internal static class ConcurrentCaseChange
{
    public const string HistoryTable = "CaseStatusChanges";

    public static bool Explains(DbUpdateException exception) =>
        exception is not DbUpdateConcurrencyException
        && DbExceptionClassifier.IsUniqueViolation(exception, HistoryTable);

    /// <remarks>EF offers no public way to pass the entries on; the original exception (inner) still has them.</remarks>
    public static DbUpdateConcurrencyException Translate(DbUpdateException exception) =>
        new("Another change to this case was saved first; reload the case and try again.", exception);
}
