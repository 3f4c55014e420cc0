using System.Text.Json;
using System.Xml.Linq;

namespace ChannelBot.Web.Tests.Open311;

/// <summary>A city app, FixMyStreet or a work-order system talking GeoReport v2 to the app: forms in, JSON or XML out.</summary>
internal sealed class Open311Client(HttpClient http, string apiKey)
{
    public const string Base = "/open311/v2";

    public async Task<(int Status, JsonElement Body)> GetJsonAsync(string path)
    {
        using var response = await http.GetAsync(Base + path);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public async Task<(int Status, XDocument Body, string ContentType)> GetXmlAsync(string path)
    {
        using var response = await http.GetAsync(Base + path);
        return ((int)response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()), response.Content.Headers.ContentType?.ToString() ?? "");
    }

    /// <param name="idempotencyKey">Sent as the Idempotency-Key header when given.</param>
    public async Task<(int Status, JsonElement Body)> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool withKey = true, string? idempotencyKey = null)
    {
        var all = withKey ? fields.Prepend(new("api_key", apiKey)) : fields;
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + path) { Content = new FormUrlEncodedContent(all) };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Files a pothole in the traffic lane at a point of the sample city; returns the service_request_id.</summary>
    public async Task<string> FilePotholeAsync(double lat = 42.113504, double lon = -72.589855, params KeyValuePair<string, string>[] more)
    {
        var (status, body) = await PostAsync("/requests.json",
        [
            new("service_code", "PTHOLE"), new("lat", lat.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("long", lon.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("attribute[WHERE_IN_ROAD]", "traffic-lane"),
            .. more,
        ]);
        Assert.True(status == 200, body.ToString());
        return body[0].GetProperty("service_request_id").GetString()!;
    }
}
