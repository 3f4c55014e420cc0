namespace ChannelBot.Application.Conversations;

/// <summary>The inbox could not store an activity (the database is unreachable): the channel should answer 503 so the sender redelivers.</summary>
public sealed class InboxUnavailableException : Exception
{
    public InboxUnavailableException()
    {
    }

    public InboxUnavailableException(string message)
        : base(message)
    {
    }

    public InboxUnavailableException(Exception inner)
        : base("The inbox could not store the activity.", inner)
    {
    }

    public InboxUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
