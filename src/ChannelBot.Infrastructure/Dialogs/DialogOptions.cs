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

    /// <summary>
    /// Watch the folder and load the files again when they change (default true). A change that does not load
    /// is logged and the running dialogs stay as they were; live conversations move to the new files at their
    /// next message.
    /// </summary>
    public bool ReloadOnChange { get; set; } = true;
}
