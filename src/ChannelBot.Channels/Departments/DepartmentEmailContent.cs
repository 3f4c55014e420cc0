using System.Text.Json;

namespace ChannelBot.Channels.Departments;

/// <summary>What a department's email says about a case, read from the delivery's payload (see <see cref="FromPayload"/>).</summary>
internal sealed record DepartmentEmailContent(
    string IdempotencyKey,
    Guid CaseId,
    string Ticket,
    string ServiceCode,
    string ServiceName,
    string DepartmentName,
    string? Description,
    string? Address,
    string? Area,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<(string Question, string Answer)> Answers,
    string Channel,
    string FiledAt,
    string? DueAt,
    string? StaffLink)
{
    /// <summary>The content of the payload the hand-off wrote, or null when it is not one.</summary>
    public static DepartmentEmailContent? FromPayload(string idempotencyKey, JsonElement payload, string? staffConsoleUrl)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || S(payload, "ticket") is not { } ticket
            || S(payload, "service_code") is not { } code
            || !Guid.TryParse(S(payload, "case_id"), out var caseId))
        {
            return null;
        }

        var answers = new List<(string, string)>();
        if (payload.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Array)
        {
            foreach (var attribute in attributes.EnumerateArray())
            {
                var values = attribute.TryGetProperty("values", out var list) && list.ValueKind == JsonValueKind.Array
                    ? string.Join(", ", list.EnumerateArray().Select(v => v.ToString()))
                    : string.Empty;
                answers.Add((S(attribute, "question") ?? S(attribute, "code") ?? "?", S(attribute, "text") ?? values));
            }
        }

        var created = S(payload, "created_at") ?? string.Empty;
        var filed = S(payload, "created_local") is { } local ? $"{local} ({created})" : created;
        return new DepartmentEmailContent(
            idempotencyKey,
            caseId,
            ticket,
            code,
            S(payload, "service_name") ?? code,
            S(payload, "department_name") ?? S(payload, "department") ?? string.Empty,
            S(payload, "description"),
            S(payload, "address"),
            S(payload, "area"),
            D(payload, "lat"),
            D(payload, "long"),
            answers,
            S(payload, "channel") ?? string.Empty,
            filed,
            S(payload, "due_local") ?? S(payload, "due_at"),
            staffConsoleUrl is null ? null : staffConsoleUrl + "#case=" + Uri.EscapeDataString(ticket));
    }

    private static string? S(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? D(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
