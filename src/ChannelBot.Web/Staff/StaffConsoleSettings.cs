namespace ChannelBot.Web.Staff;

/// <summary>
/// What the staff console's script (<c>wwwroot/staff/console.js</c>) reads from the page: the statuses and the moves
/// the domain allows between them, the closing reasons, and the catalog's services and departments for the filters
/// and for recategorising. Serialized in camelCase.
/// </summary>
public sealed record StaffConsoleSettings(
    string BasePath,
    IReadOnlyList<string> Statuses,
    IReadOnlyDictionary<string, IReadOnlyList<string>> NextStatuses,
    IReadOnlyList<string> ClosureReasons,
    IReadOnlyList<StaffConsoleChoice> Services,
    IReadOnlyList<StaffConsoleChoice> Departments);
