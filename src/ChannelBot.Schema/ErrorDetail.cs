namespace ChannelBot.Schema;

/// <summary>The inner part of <see cref="ErrorResponse"/>. Codes are stable, messages are for people.</summary>
public sealed class ErrorDetail
{
    public string? Code { get; set; }

    public string? Message { get; set; }
}
