namespace ChannelBot.Dialogs.Runtime;

/// <summary>Something the engine cannot do itself because it needs IO: create or look up a case.</summary>
public abstract record DialogEffect
{
    /// <summary>
    /// True when carrying the effect out writes a case (filing takes a ticket number, reopening changes a case):
    /// the caller applies it inside its write transaction; effects that only read may be carried out before it.
    /// </summary>
    public virtual bool WritesCase => false;
}
