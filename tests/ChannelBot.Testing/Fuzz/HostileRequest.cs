namespace ChannelBot.Testing.Fuzz;

/// <summary>One hostile request: what it attacks (for a failure message) and how to build it.</summary>
public sealed record HostileRequest(string Kind, Func<HttpRequestMessage> Build);
