using System.Text.Json.Nodes;
using ChannelBot.Web.Tests.Open311;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Geo;

/// <summary>
/// A city edits its geography files while the app runs (Geo:ReloadOnChange): a place added to places.geojson is found
/// by the next request, and a file that does not read keeps the previous map.
/// </summary>
public sealed class CityMapReloadTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("channelbot-geo-reload-");

    public CityMapReloadTests()
    {
        var sample = RepositoryDialogs.SampleCity;
        foreach (var file in Directory.GetFiles(sample, "*.*json").Append(Path.Combine(sample, "addresses.csv")))
        {
            File.Copy(file, Path.Combine(_folder.FullName, Path.GetFileName(file)));
        }
    }

    [Fact]
    public async Task A_place_added_while_the_app_runs_is_found_and_a_broken_file_keeps_the_previous_map()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var settings = Open311ServerTests.Settings();
        settings["Geo:Folder"] = _folder.FullName;
        settings["Geo:ReloadOnChange"] = "true";
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        var client = new Open311Client(http, "open311-key-0123456789abcdef0123456789abcdef");

        var before = await FileAtAsync(client, "the quarry playground");
        AddPlace("Quarry Playground", -72.5923, 42.1201);
        var after = await EventuallyAsync(() => FileAtAsync(client, "the quarry playground"), located => located is not null);
        File.WriteAllText(Path.Combine(_folder.FullName, "places.geojson"), "{ not json");
        await Task.Delay(1500);
        var stillThere = await FileAtAsync(client, "the quarry playground");

        Assert.Null(before);
        Assert.Equal(42.1201, after!.Value, 4);
        Assert.Equal(42.1201, stillThere!.Value, 4);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Files a general request at a place named in words; returns the latitude the map gave it, or null.</summary>
    private static async Task<double?> FileAtAsync(Open311Client client, string place)
    {
        var (status, filed) = await client.PostAsync("/requests.json", [new("service_code", "OTHER"), new("address_string", place)]);
        Assert.True(status == 200, filed.ToString());
        var id = filed[0].GetProperty("service_request_id").GetString();
        var (_, read) = await client.GetJsonAsync($"/requests/{id}.json");
        return read[0].GetProperty("lat").ValueKind == System.Text.Json.JsonValueKind.Number ? read[0].GetProperty("lat").GetDouble() : null;
    }

    private void AddPlace(string name, double longitude, double latitude)
    {
        var path = Path.Combine(_folder.FullName, "places.geojson");
        var places = JsonNode.Parse(File.ReadAllText(path))!;
        var lon = longitude.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lat = latitude.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var feature = new JsonObject
        {
            ["type"] = "Feature",
            ["properties"] = new JsonObject { ["id"] = "P99", ["name"] = name, ["kind"] = "park", ["aliases"] = new JsonArray("the quarry playground"), ["address"] = null, ["ward"] = 1 },
            ["geometry"] = JsonNode.Parse($"{{\"type\":\"Point\",\"coordinates\":[{lon},{lat}]}}"),
        };
        places["features"]!.AsArray().Add(feature);
        File.WriteAllText(path, places.ToJsonString());
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }
}
