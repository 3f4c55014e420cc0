namespace ChannelBot.Channels.DirectLine;

/// <summary>The <c>user</c> of a token or start request: <c>{"id":"dl_…","name":"…"}</c>.</summary>
internal sealed class DirectLineUser
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}
