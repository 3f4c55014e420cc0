namespace ChannelBot.Dialogs.Loading;

/// <summary>The kinds of data file in <c>dialogs/</c>; each is validated by <c>schema/{kind}.schema.json</c>.</summary>
internal enum DialogFileKind
{
    City,
    Channels,
    Catalog,
    Interrupts,
    Intake,
    Strings,
}
