using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>A switchboard's system (or a test) filing callers' reports with an operator's API key and an Idempotency-Key per report.</summary>
public sealed class PhoneIntakeClient(HttpClient http, string apiKey = StaffApi.OperatorKey)
{
    /// <summary>A pothole at 1250 N Main St next to the curb, the caller wanting updates by SMS to <paramref name="phone"/>.</summary>
    public static PhoneIntakeDto Pothole(string phone, string address = "1250 N Main St") => new(
        "PTHOLE",
        "Caller says the hole is about a foot wide.",
        new Dictionary<string, string[]> { ["WHERE_IN_ROAD"] = ["curb"], ["HAZARDS"] = ["deep", "swerving"] },
        address,
        null,
        null,
        "Pat Caller",
        phone,
        null,
        "sms",
        ConsentGiven: true);

    public async Task<(int Status, JsonElement Body)> PostAsync(PhoneIntakeDto form, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/cases") { Content = JsonContent.Create(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        request.Headers.Add(StaffIntakeEndpoints.IdempotencyHeader, idempotencyKey ?? Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Files <paramref name="form"/> and returns the new case's ticket (asserting it was filed).</summary>
    public async Task<string> FileAsync(PhoneIntakeDto form)
    {
        var (status, body) = await PostAsync(form);
        Assert.True(status == 201, $"{status}: {body}");
        return Ticket(body);
    }

    public static string Ticket(JsonElement filed) => filed.GetProperty("case").GetProperty("case").GetProperty("ticket").GetString()!;

    /// <summary>The field errors of a 400 problem document, by field.</summary>
    public static Dictionary<string, string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
}
