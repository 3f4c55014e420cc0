namespace ChannelBot.Infrastructure.Turns;

/// <summary>A turn asked for a case write before the write transaction; it is run again inside it.</summary>
internal sealed class WriteEffectDeferredException : Exception
{
    public WriteEffectDeferredException()
        : base("The turn writes a case; it runs inside the write transaction.")
    {
    }

    public WriteEffectDeferredException(string message)
        : base(message)
    {
    }

    public WriteEffectDeferredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
