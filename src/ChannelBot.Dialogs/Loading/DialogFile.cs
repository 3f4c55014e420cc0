namespace ChannelBot.Dialogs.Loading;

/// <summary>
/// One file of the <c>dialogs/</c> folder. <paramref name="Path"/> is relative to that folder with forward
/// slashes (<c>catalog.yaml</c>, <c>strings/es.yaml</c>, <c>schema/catalog.schema.json</c>).
/// </summary>
public sealed record DialogFile(string Path, string Content);
