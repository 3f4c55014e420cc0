namespace ChannelBot.Schema;

/// <summary>Wire values of <see cref="CardAction.Type"/>.</summary>
public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
    public const string ShowImage = "showImage";
    public const string DownloadFile = "downloadFile";
    public const string Call = "call";
}
