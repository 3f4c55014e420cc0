namespace ChannelBot.Domain.Cases;

/// <summary>A photo the resident sent with a report: where the channel holds it, before we store a copy.</summary>
public sealed record SubmittedPhoto(string SourceUrl, string ContentType, string? FileName);
