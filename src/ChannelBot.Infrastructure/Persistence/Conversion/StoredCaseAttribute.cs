namespace ChannelBot.Infrastructure.Persistence.Conversion;

/// <summary>
/// The stored shape of a case attribute. It is kept apart from the domain record so that renaming a domain
/// property never changes the JSON already in the database.
/// </summary>
internal sealed record StoredCaseAttribute(string Code, string[] Values, string? Display);
