namespace ChannelBot.Schema;

/// <summary>The Bot Framework error body: <c>{"error":{"code":"BadArgument","message":"..."}}</c>.</summary>
public sealed class ErrorResponse
{
    public ErrorResponse()
    {
    }

    public ErrorResponse(string code, string message) => Error = new ErrorDetail { Code = code, Message = message };

    public ErrorDetail? Error { get; set; }
}
