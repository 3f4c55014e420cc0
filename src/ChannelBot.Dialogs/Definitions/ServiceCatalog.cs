namespace ChannelBot.Dialogs.Definitions;

/// <summary>The service types residents can report (<c>dialogs/catalog.yaml</c>): the single source of truth
/// for the intake questions and for the Open311 service list and definitions.</summary>
public sealed class ServiceCatalog
{
    public required IReadOnlyList<ServiceGroup> Groups { get; init; }

    public required IReadOnlyList<Department> Departments { get; init; }

    /// <summary>In menu order.</summary>
    public required IReadOnlyList<ServiceDefinition> Services { get; init; }

    public ServiceDefinition? Find(string? code) =>
        code is null ? null : Services.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));

    public Department? FindDepartment(string code) =>
        Departments.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
