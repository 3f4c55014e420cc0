namespace ChannelBot.Schema;

/// <summary>The answer to a send: the id the channel gave the activity.</summary>
public sealed class ResourceResponse
{
    public ResourceResponse()
    {
    }

    public ResourceResponse(string id) => Id = id;

    public string? Id { get; set; }
}
