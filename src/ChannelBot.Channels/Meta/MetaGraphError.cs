namespace ChannelBot.Channels.Meta;

/// <summary>A Graph API error: <c>{"error":{"message","type","code","error_subcode","fbtrace_id"}}</c>.</summary>
public sealed class MetaGraphError
{
    public string? Message { get; set; }

    public string? Type { get; set; }

    public int? Code { get; set; }

    public int? ErrorSubcode { get; set; }

    public string? FbtraceId { get; set; }
}
