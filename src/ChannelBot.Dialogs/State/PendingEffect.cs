namespace ChannelBot.Dialogs.State;

/// <summary>Which effect the engine asked for and awaits the result of.</summary>
public enum PendingEffect
{
    SubmitCase,
    LookUpCase,
    ReopenCase,
    FindNearbyCases,
}
