namespace ChannelBot.Infrastructure.Dialogs;

/// <summary>Where the dialog files are (configuration section <c>Dialogs</c>).</summary>
public sealed class DialogOptions
{
    public const string Section = "Dialogs";

    /// <summary>
    /// The dialogs folder, absolute or relative to the current directory. When unset, a <c>dialogs/</c> folder next
    /// to the application is used, else the nearest one holding <c>catalog.yaml</c> above the current directory or
    /// the application (a developer's checkout).
    /// </summary>
    public string? Path { get; set; }
}
