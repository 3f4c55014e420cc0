namespace ChannelBot.Sandbox.Email;

/// <summary>One email the sandbox kept, with its <c>List-Unsubscribe</c> header.</summary>
public sealed record EmailSandboxMessage(string To, string From, string Subject, string Body, DateTimeOffset At, string? ListUnsubscribe = null);
