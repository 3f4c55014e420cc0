using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>A multipart upload read in full: the activity and its files, or why it was refused.</summary>
internal sealed record DirectLineUpload(Activity? Activity, IReadOnlyList<DirectLineUploadFile> Files, int RefusalStatus = 0, string? RefusalCode = null, string? RefusalMessage = null)
{
    public bool Refused => RefusalStatus != 0;

    public static DirectLineUpload Refuse(int status, string code, string message) => new(null, [], status, code, message);
}
