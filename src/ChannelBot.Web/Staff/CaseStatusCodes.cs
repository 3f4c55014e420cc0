using System.Diagnostics.CodeAnalysis;
using ChannelBot.Domain.Cases;

namespace ChannelBot.Web.Staff;

/// <summary>Status codes as the API writes them (received, in_progress...), read back.</summary>
internal static class CaseStatusCodes
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<CaseStatus>().Select(s => s.ToCode())];

    public static bool TryParse(string code, [NotNullWhen(true)] out CaseStatus status)
    {
        foreach (var candidate in Enum.GetValues<CaseStatus>())
        {
            if (string.Equals(candidate.ToCode(), code, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
