using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChannelBot.Web.Staff;

namespace ChannelBot.Web.Tests.Support;

/// <summary>The staff REST API as an operator uses it in end-to-end tests: the key in the settings, a case read, a status changed.</summary>
public static class StaffApi
{
    public const string OperatorKey = "operator-key-0123456789abcdef0123456789";

    /// <summary>Adds the operator's API key to <paramref name="settings"/>; returns them.</summary>
    public static Dictionary<string, string?> WithOperator(this Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Staff:ApiKeys:0:Name"] = "Olga Operator";
        settings["Staff:ApiKeys:0:Key"] = OperatorKey;
        settings["Staff:ApiKeys:0:Role"] = "operator";
        return settings;
    }

    public static async Task<CaseDetailDto> GetCaseAsync(HttpClient http, string ticket)
    {
        using var response = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{ticket}"));
        return (await response.Content.ReadFromJsonAsync<CaseDetailDto>())!;
    }

    /// <summary>The case's conversation with the resident (<c>GET /api/cases/{ticket}/conversation</c>).</summary>
    public static async Task<CaseConversationDto> GetConversationAsync(HttpClient http, string ticket)
    {
        using var response = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{ticket}/conversation"));
        return (await response.Content.ReadFromJsonAsync<CaseConversationDto>())!;
    }

    public static async Task ChangeStatusAsync(HttpClient http, string ticket, string status)
    {
        using var response = await SendAsync(http, new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{ticket}/status")
        {
            Content = JsonContent.Create(new StatusChangeDto(status, null, null, null, null)),
        });
    }

    /// <summary>GETs <paramref name="url"/> (a photo) with the operator's key.</summary>
    public static async Task<byte[]> GetBytesAsync(HttpClient http, string url)
    {
        using var response = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, url));
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>POSTs <paramref name="body"/> as JSON with the operator's key and returns the answer whatever its status.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", OperatorKey);
        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", OperatorKey);
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response;
        }
    }
}
