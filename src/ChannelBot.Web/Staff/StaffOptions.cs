namespace ChannelBot.Web.Staff;

/// <summary>Who may use the staff API (configuration section <c>Staff</c>).</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>API keys for staff tools and integrations (work-order systems, dashboards).</summary>
    public List<StaffApiKey> ApiKeys { get; set; } = [];
}

/// <summary>One API key: who holds it, what it may do, and for which department.</summary>
public sealed class StaffApiKey
{
    /// <summary>Who holds the key (shown in case history as the author of changes).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The key itself, at least 32 characters. A secret: environment variable or secret store only.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary><c>admin</c>, <c>operator</c> (all cases), <c>department</c> (its own department's cases) or <c>reader</c> (read only).</summary>
    public string Role { get; set; } = StaffRoles.Reader;

    /// <summary>For the <c>department</c> role: the department code from dialogs/catalog.yaml.</summary>
    public string? Department { get; set; }
}
