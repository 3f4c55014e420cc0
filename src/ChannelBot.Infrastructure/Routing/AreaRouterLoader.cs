using ChannelBot.Application.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Routing;

/// <summary>Builds the <see cref="AreaRouter"/> from <see cref="RoutingOptions"/>; a rule that cannot be read stops the start, naming it.</summary>
internal static class AreaRouterLoader
{
    public static AreaRouter Load(IOptions<RoutingOptions> options, IHostEnvironment environment)
    {
        var rules = new List<AreaRule>();
        for (var i = 0; i < options.Value.Areas.Count; i++)
        {
            var rule = options.Value.Areas[i];
            var where = $"Routing:Areas:{i}";
            if (string.IsNullOrWhiteSpace(rule.Department))
            {
                throw new InvalidOperationException($"{where}:Department is required.");
            }

            var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, rule.GeoJsonPath));
            IReadOnlyList<(string Name, GeoPolygon Area)> areas;
            try
            {
                areas = GeoJsonAreas.Read(File.ReadAllText(path));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
            {
                throw new InvalidOperationException($"{where}:GeoJsonPath {path} cannot be used: {exception.Message}", exception);
            }

            var chosen = rule.Feature is null ? areas : [.. areas.Where(a => a.Name == rule.Feature)];
            if (chosen.Count == 0)
            {
                throw new InvalidOperationException($"{where}: {path} has no feature named '{rule.Feature}' (names: {string.Join(", ", areas.Select(a => a.Name))}).");
            }

            rules.AddRange(chosen.Select(area => new AreaRule(area.Name, area.Area, [.. rule.Services], rule.Department)));
        }

        return new AreaRouter(rules);
    }
}
