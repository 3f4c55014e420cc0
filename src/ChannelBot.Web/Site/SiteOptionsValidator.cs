using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Site;

/// <summary>Refuses at start-up colours the page cannot use and a logo on another host (the page loads nothing from elsewhere).</summary>
public sealed partial class SiteOptionsValidator : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Color().IsMatch(options.PrimaryColor ?? string.Empty))
        {
            failures.Add("Site:PrimaryColor must be a colour written #rgb or #rrggbb (e.g. #1b4f72).");
        }

        if (!Color().IsMatch(options.TextOnPrimaryColor ?? string.Empty))
        {
            failures.Add("Site:TextOnPrimaryColor must be a colour written #rgb or #rrggbb (e.g. #ffffff).");
        }

        if (!string.IsNullOrWhiteSpace(options.LogoUrl) && !IsLocalPath(options.LogoUrl))
        {
            failures.Add("Site:LogoUrl must be a path on this site (e.g. /site/logo.svg): the page loads nothing from another host.");
        }

        if (options.BotAvatarInitials is { Length: > 4 })
        {
            failures.Add("Site:BotAvatarInitials takes at most 4 characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A path on this site: starts with one slash, no scheme, no host, nothing that breaks out of an attribute.</summary>
    public static bool IsLocalPath(string value) =>
        value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.Contains('\\', StringComparison.Ordinal)
        && Uri.TryCreate(value, UriKind.Relative, out _) && !value.Any(char.IsWhiteSpace) && value.IndexOfAny(['"', '\'', '<', '>']) < 0;

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex Color();
}
