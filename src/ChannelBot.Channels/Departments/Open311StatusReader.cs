using System.Globalization;
using System.Text.Json;
using ChannelBot.Application.Delivery;
using ChannelBot.Channels.Common;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Departments;

/// <summary>
/// Reads a department's Open311 system's status changes for our cases. <c>servicerequestupdates</c>: mySociety's
/// <c>GET servicerequestupdates.json</c> for the period (a JSON list, or an object holding
/// <c>service_request_updates</c>). <c>requests</c>: plain GeoReport v2 <c>GET requests.json</c> for our request ids,
/// <see cref="BatchSize"/> at a time; each request's status with its <c>updated_datetime</c> becomes one change, so the
/// same state read twice is the same update. <c>tokens/{token}</c>: the id a system that files asynchronously gave later. Answers are bounded (<see cref="MaxAnswerBytes"/>, <see cref="MaxUpdates"/>),
/// every field is checked, and an item that does not make sense is skipped, not trusted.
/// </summary>
internal sealed class Open311StatusReader(IHttpClientFactory http, IOptionsMonitor<DepartmentDeliveryOptions> options) : IDepartmentStatusReader
{
    public const int BatchSize = 50;

    public const int MaxUpdates = 1000;

    private const int MaxAnswerBytes = 4 * 1024 * 1024;

    private const int MaxIdLength = 100;

    public async Task<IReadOnlyList<DepartmentStatusUpdate>> ReadAsync(DepartmentOpen311 system, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> requestIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(requestIds);
        var updates = new List<DepartmentStatusUpdate>();
        if (system.Updates == DepartmentOpen311.UpdatesByServiceRequestUpdates)
        {
            var items = await GetListAsync(system, "servicerequestupdates.json", [new("start_date", Date(from)), new("end_date", Date(to))], "service_request_updates", cancellationToken).ConfigureAwait(false);
            updates.AddRange(items.Select(Update).OfType<DepartmentStatusUpdate>());
        }
        else if (system.Updates == DepartmentOpen311.UpdatesByRequests)
        {
            foreach (var batch in requestIds.Chunk(BatchSize))
            {
                var items = await GetListAsync(system, "requests.json", [new("service_request_id", string.Join(',', batch))], "service_requests", cancellationToken).ConfigureAwait(false);
                updates.AddRange(items.Select(Request).OfType<DepartmentStatusUpdate>().Where(u => batch.Contains(u.ServiceRequestId, StringComparer.Ordinal)));
                if (updates.Count >= MaxUpdates)
                {
                    break;
                }
            }
        }

        return [.. updates.Take(MaxUpdates).OrderBy(u => u.UpdatedAt ?? DateTimeOffset.MinValue)];
    }

    public async Task<string?> RequestIdOfAsync(DepartmentOpen311 system, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        var items = await GetListAsync(system, $"tokens/{Uri.EscapeDataString(token)}.json", [], "tokens", cancellationToken).ConfigureAwait(false);
        return items.Where(i => Text(i, "token") is null || Text(i, "token") == token).Select(i => Text(i, "service_request_id")).FirstOrDefault(id => id is not null);
    }

    private async Task<List<JsonElement>> GetListAsync(DepartmentOpen311 system, string path, List<KeyValuePair<string, string>> query, string listName, CancellationToken cancellationToken)
    {
        query.Insert(0, new("api_key", system.ApiKey ?? string.Empty));
        if (!string.IsNullOrEmpty(system.JurisdictionId))
        {
            query.Add(new("jurisdiction_id", system.JurisdictionId));
        }

        var queryString = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.CallTimeout);
        using var response = await http.CreateClient(DepartmentOpen311Sender.HttpClientName).GetAsync(new Uri(system.Endpoint!, $"{path}?{queryString}"), timeout.Token).ConfigureAwait(false);
        var answer = await ProviderResponse.ReadAsync(response, MaxAnswerBytes, timeout.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{path} answered {(int)response.StatusCode}{(DepartmentAnswer.Field(answer, "description") is { } said ? $": {said}" : string.Empty)}");
        }

        try
        {
            using var document = JsonDocument.Parse(answer, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(listName, out var inner) ? inner : root;
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new HttpRequestException($"{path} answered something other than a list ({answer.Length} bytes)");
            }

            return [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Take(MaxUpdates).Select(e => e.Clone())];
        }
        catch (JsonException exception)
        {
            throw new HttpRequestException($"{path} answered something that is not JSON ({answer.Length} bytes)", exception);
        }
    }

    private static DepartmentStatusUpdate? Update(JsonElement item) =>
        Text(item, "service_request_id") is { } id && Text(item, "update_id") is { } updateId && Text(item, "status") is { } status
            ? new DepartmentStatusUpdate(id, updateId, status, When(item), Text(item, "description", 2000))
            : null;

    private static DepartmentStatusUpdate? Request(JsonElement item)
    {
        if (Text(item, "service_request_id") is not { } id || Text(item, "status") is not { } status)
        {
            return null;
        }

        var at = When(item);
        var stamp = at?.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) ?? "undated";
        var updateId = $"{id}-{status}-{stamp}";
        if (updateId.Length > MaxIdLength)
        {
            updateId = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(updateId)))[..40];
        }

        return new DepartmentStatusUpdate(id, updateId, status, at, Text(item, "status_notes", 2000));
    }

    private static DateTimeOffset? When(JsonElement item) =>
        Text(item, "updated_datetime") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string? Text(JsonElement item, string name, int max = MaxIdLength) =>
        item.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number && value.ToString() is { Length: > 0 } text && text.Length <= max
            ? text
            : null;

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
