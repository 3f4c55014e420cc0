namespace ChannelBot.Sandbox.Phones;

/// <summary>What the app's own webhook answered a sandbox phone's post.</summary>
/// <param name="Status">The webhook's HTTP status (0 when it could not be reached).</param>
/// <param name="Detail">Why it refused, when it did.</param>
/// <param name="MessageId">The provider's id of the (last) message posted: <c>SM…</c> or <c>m_…</c>.</param>
public sealed record SandboxPosted(int Status, string? Detail, string MessageId)
{
    public bool Accepted => Status is >= 200 and < 300;
}
