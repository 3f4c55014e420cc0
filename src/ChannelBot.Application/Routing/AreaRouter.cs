namespace ChannelBot.Application.Routing;

/// <summary>
/// Routes a case by where it is: the first area rule whose area holds the case's pin and whose services include
/// the case's service names the department; otherwise the catalog's department stands. Cases with an address but
/// no pin are routed by the catalog (no geocoding here).
/// </summary>
public sealed class AreaRouter(IReadOnlyList<AreaRule> rules)
{
    public static AreaRouter None { get; } = new([]);

    public IReadOnlyList<AreaRule> Rules => rules;

    /// <returns>The department and the rule that chose it (null when the catalog's department stands).</returns>
    public (string Department, AreaRule? Rule) Route(string serviceCode, string catalogDepartment, double? latitude, double? longitude)
    {
        if (latitude is { } lat && longitude is { } lon)
        {
            foreach (var rule in rules)
            {
                if ((rule.Services.Count == 0 || rule.Services.Contains(serviceCode, StringComparer.Ordinal)) && rule.Area.Contains(lat, lon))
                {
                    return (rule.Department, rule);
                }
            }
        }

        return (catalogDepartment, null);
    }
}
