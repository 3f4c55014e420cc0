using System.Text.Json;
using ChannelBot.Web.Public;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Public;

/// <summary>The <c>PublicRequests</c> settings: in the sample with their defaults, and a tile server the map cannot use refused at start-up.</summary>
public sealed class PublicRequestsSettingsTests
{
    [Fact]
    public void Every_public_requests_setting_is_in_the_sample_with_its_default()
    {
        var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryDialogs.Path, "..", "appsettings.sample.json")), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement;
        var section = sample.GetProperty(PublicRequestsOptions.Section);
        var defaults = new PublicRequestsOptions();

        foreach (var property in typeof(PublicRequestsOptions).GetProperties().Where(p => p.SetMethod?.IsPublic == true))
        {
            Assert.True(section.TryGetProperty(property.Name, out var value), $"appsettings.sample.json has no PublicRequests:{property.Name}");
            Assert.Equal(property.GetValue(defaults)?.ToString()?.ToLowerInvariant(), value.ValueKind == JsonValueKind.Null ? null : value.ToString().ToLowerInvariant());
        }
    }

    [Theory]
    [InlineData("https://tile.example.org/{z}/{x}/{y}.png", "© Example", null)]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "© Example", null)]
    [InlineData("https://tile.example.org/{z}/{x}.png", "© Example", "{z}, {x} and {y}")]
    [InlineData("ftp://tile.example.org/{z}/{x}/{y}.png", "© Example", "http(s) URL")]
    [InlineData("/tiles/{z}/{x}/{y}.png", "© Example", "http(s) URL")]
    [InlineData("https://tile.example.org/{z}/{x}/{y}.png; script-src *", "© Example", "http(s) URL")]
    [InlineData("https://tile.example.org/{z}/{x}/{y}.png", "", "TileAttribution is required")]
    public void A_tile_server_needs_a_usable_url_and_its_credit(string url, string attribution, string? problem)
    {
        var result = new PublicRequestsOptionsValidator().Validate(null, new PublicRequestsOptions { TileUrl = url, TileAttribution = attribution });

        if (problem is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(problem, result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
