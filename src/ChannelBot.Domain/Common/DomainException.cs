namespace ChannelBot.Domain.Common;

/// <summary>A rule of the domain was broken: an illegal status move, a malformed value, a missing fact.</summary>
public sealed class DomainException : Exception
{
    public DomainException()
    {
    }

    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
