namespace ChannelBot.Application.Delivery;

/// <summary>
/// Where each department's system receives the cases routed to it (configuration section <c>Departments</c>):
/// <c>Departments:Webhooks:{DEPARTMENT-CODE}:Url</c> and <c>:Secret</c> (a signed JSON POST), and/or
/// <c>Departments:Open311:{DEPARTMENT-CODE}</c> (its work-order system's Open311 API, see <see cref="DepartmentOpen311"/>).
/// A department with none configured gets no delivery (staff see its cases in the console and the Open311 API, as before).
/// </summary>
public sealed class DepartmentDeliveryOptions
{
    public const string Section = "Departments";

    /// <summary>The shortest secret accepted: it signs every delivery (HMAC-SHA256).</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>By department code (as in the catalog), case-insensitive.</summary>
    public Dictionary<string, DepartmentWebhook> Webhooks { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>By department code (as in the catalog), case-insensitive.</summary>
    public Dictionary<string, DepartmentOpen311> Open311 { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Open311 system of <paramref name="department"/>, if it has a usable one.</summary>
    public DepartmentOpen311? Open311Of(string? department) =>
        department is not null && Open311.TryGetValue(department, out var system) && system.Endpoint is not null && !string.IsNullOrEmpty(system.ApiKey)
            ? system
            : null;

    /// <summary>The webhook of <paramref name="department"/>, if it has a usable one.</summary>
    public DepartmentWebhook? WebhookOf(string? department) =>
        department is not null && Webhooks.TryGetValue(department, out var webhook) && webhook.Url is not null && !string.IsNullOrEmpty(webhook.Secret)
            ? webhook
            : null;
}

/// <summary>A department system's endpoint for new cases, and the secret deliveries to it are signed with.</summary>
public sealed class DepartmentWebhook
{
    public Uri? Url { get; set; }

    public string? Secret { get; set; }
}
