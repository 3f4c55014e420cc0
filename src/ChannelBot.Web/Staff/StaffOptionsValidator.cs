using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Staff;

/// <summary>Refuses at start-up keys that are too short, duplicated, or roles that make no sense.</summary>
public sealed class StaffOptionsValidator : IValidateOptions<StaffOptions>
{
    public const int MinKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var where = $"Staff:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"{where}:Name is required (it is recorded as the author of changes).");
            }

            if (key.Key.Length < MinKeyLength)
            {
                failures.Add($"{where}:Key must be at least {MinKeyLength} characters (e.g. `openssl rand -hex 32`).");
            }

            if (StaffRoles.Problem(key.Role, key.Department) is { } problem)
            {
                failures.Add($"{where}: {problem}");
            }
        }

        if (options.ApiKeys.GroupBy(k => k.Key, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            failures.Add("Staff:ApiKeys has the same key twice.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
