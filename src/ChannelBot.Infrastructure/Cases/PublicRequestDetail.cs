namespace ChannelBot.Infrastructure.Cases;

/// <summary>A request's public page: the request, its status changes oldest first, and how many later reports were joined to it.</summary>
/// <param name="Followers">Cases closed as duplicates of this one: neighbours who reported the same problem and now follow it.</param>
public sealed record PublicRequestDetail(PublicRequest Request, IReadOnlyList<PublicRequestUpdate> History, int Followers);
