using ChannelBot.Dialogs.Runtime;

namespace ChannelBot.Application.Dialogs;

/// <summary>The dialog engine built from the current dialog files. A new engine appears when the files change.</summary>
public interface IDialogEngineSource
{
    DialogEngine Current { get; }
}
