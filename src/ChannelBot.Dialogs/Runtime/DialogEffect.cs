namespace ChannelBot.Dialogs.Runtime;

/// <summary>Something the engine cannot do itself because it needs IO: create or look up a case.</summary>
public abstract record DialogEffect;
