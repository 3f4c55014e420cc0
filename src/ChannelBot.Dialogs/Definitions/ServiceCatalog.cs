namespace ChannelBot.Dialogs.Definitions;

/// <summary>The service types residents can report (<c>dialogs/catalog.yaml</c>): the single source of truth
/// for the intake questions and for the Open311 service list and definitions.</summary>
public sealed class ServiceCatalog
{
    /// <summary>The code of the general request ("Something else"): what a resident files when no listed service fits.</summary>
    public const string GeneralServiceCode = "OTHER";

    public required IReadOnlyList<ServiceGroup> Groups { get; init; }

    public required IReadOnlyList<Department> Departments { get; init; }

    /// <summary>In menu order.</summary>
    public required IReadOnlyList<ServiceDefinition> Services { get; init; }

    public ServiceDefinition? Find(string? code) =>
        code is null ? null : Services.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The general request, when the catalog has one.</summary>
    public ServiceDefinition? General => Find(GeneralServiceCode);

    public Department? FindDepartment(string code) =>
        Departments.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
