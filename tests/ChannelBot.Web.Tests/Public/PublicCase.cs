using ChannelBot.Domain.Cases;

namespace ChannelBot.Web.Tests.Public;

/// <summary>
/// A case a test files for the public view: the resident's words, where (an address found on the sample city's map,
/// or words kept as typed), whether the description may be shown, and who reported it with every personal detail the
/// public pages must never show.
/// </summary>
/// <param name="Address">Resolved on the sample city's map (a point, a label, a ward) unless <paramref name="Typed"/>.</param>
/// <param name="Typed">The words are kept as the resident typed them: no point, no ward.</param>
/// <param name="Age">How long before the test's clock the case was filed.</param>
public sealed record PublicCase(
    string ServiceCode,
    string ServiceName,
    string Department,
    string Address,
    string Description,
    bool DescriptionPublic,
    TimeSpan Age,
    bool Typed = false)
{
    /// <summary>Everything personal about the reporter, each value distinctive so a page holding it is found.</summary>
    public string ReporterName { get; init; } = "Zelda Quintanilla-Reporter";

    public string ReporterPhone { get; init; } = "+15557770142";

    public string ReporterEmail { get; init; } = "zelda.reporter@example.org";

    public string ChannelUserId { get; init; } = "+15557770142";

    /// <summary>The channel's link to the photo the resident sent (never shown; on loopback, so the app's photo fetcher refuses it and nothing leaves the machine).</summary>
    public string PhotoUrl { get; init; } = "http://127.0.0.1:9/2010-04-01/Accounts/AC00/Messages/MM00/Media/ME-secret-photo";

    /// <summary>Staff moves after filing, oldest first: (status, by whom, public note, internal note).</summary>
    public IReadOnlyList<(CaseStatus Status, string By, string? PublicNote, string? InternalNote)> Moves { get; init; } = [];

    public static PublicCase Pothole(string address, string description, bool descriptionPublic = false, TimeSpan? age = null) =>
        new("PTHOLE", "Pothole", "DPW-STREETS", address, description, descriptionPublic, age ?? TimeSpan.FromHours(2));

    public static PublicCase Streetlight(string address, string description, bool descriptionPublic = false, TimeSpan? age = null) =>
        new("STLIGHT", "Streetlight out", "STREET-LIGHTING", address, description, descriptionPublic, age ?? TimeSpan.FromHours(3));

    public static PublicCase Graffiti(string address, string description, bool descriptionPublic = false, TimeSpan? age = null) =>
        new("GRAFFITI", "Graffiti", "DPW-GRAFFITI", address, description, descriptionPublic, age ?? TimeSpan.FromHours(4));
}
