namespace ChannelBot.Application.Delivery;

/// <summary>
/// How each department receives the cases routed to it (configuration section <c>Departments</c>):
/// <c>Departments:Webhooks:{DEPARTMENT-CODE}:Url</c> and <c>:Secret</c> for a signed JSON POST to its system,
/// <c>Departments:Open311:{DEPARTMENT-CODE}</c> for its work-order system's Open311 API (see <see cref="DepartmentOpen311"/>),
/// and <c>Departments:Email:{DEPARTMENT-CODE}:Enabled</c> for its mailbox (the department's <c>email</c> in
/// dialogs/catalog.yaml; needs the <c>Email</c> settings). A department with none gets no delivery (staff see its
/// cases in the console and the Open311 API, as before).
/// </summary>
public sealed class DepartmentDeliveryOptions
{
    public const string Section = "Departments";

    /// <summary>The shortest secret accepted: it signs every delivery (HMAC-SHA256).</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>The shortest and longest <see cref="CallTimeout"/> accepted.</summary>
    public static readonly TimeSpan MinimumCallTimeout = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan MaximumCallTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long one call to a department's system (a delivery, or a read of its statuses) may take before it counts as
    /// no answer and the delivery is tried again later with the same key.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>By department code (as in the catalog), case-insensitive.</summary>
    public Dictionary<string, DepartmentWebhook> Webhooks { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>By department code (as in the catalog), case-insensitive.</summary>
    public Dictionary<string, DepartmentOpen311> Open311 { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Open311 system of <paramref name="department"/>, if it has a usable one.</summary>
    public DepartmentOpen311? Open311Of(string? department) =>
        department is not null && Open311.TryGetValue(department, out var system) && system.Endpoint is not null && !string.IsNullOrEmpty(system.ApiKey)
            ? system
            : null;

    /// <summary>By department code (as in the catalog), case-insensitive: which departments get each new case by email.</summary>
    public Dictionary<string, DepartmentEmail> Email { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The webhook of <paramref name="department"/>, if it has a usable one.</summary>
    public DepartmentWebhook? WebhookOf(string? department) =>
        department is not null && Webhooks.TryGetValue(department, out var webhook) && webhook.Url is not null && !string.IsNullOrEmpty(webhook.Secret)
            ? webhook
            : null;

    /// <summary>True when <paramref name="department"/> has opted in to getting its cases by email.</summary>
    public bool EmailsTo(string? department) =>
        department is not null && Email.TryGetValue(department, out var email) && email.Enabled;

    /// <summary>The department codes that opted in to email.</summary>
    public IEnumerable<string> EmailedDepartments => Email.Where(e => e.Value.Enabled).Select(e => e.Key);
}

/// <summary>A department system's endpoint for new cases, and the secret deliveries to it are signed with.</summary>
public sealed class DepartmentWebhook
{
    public Uri? Url { get; set; }

    public string? Secret { get; set; }
}

/// <summary>Whether a department gets each new case by email, at the address the catalog gives it.</summary>
public sealed class DepartmentEmail
{
    public bool Enabled { get; set; }
}
