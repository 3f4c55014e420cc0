namespace ChannelBot.Channels.Meta;

/// <summary>Graph API error codes the Send API answers with (channels.md §6).</summary>
public static class MetaErrorCodes
{
    public const int Unknown = 1;
    public const int Transient = 2;
    public const int ApplicationRateLimit = 4;
    public const int PermissionOrWindow = 10;
    public const int UserRateLimit = 17;
    public const int PageRateLimit = 32;
    public const int InvalidParameter = 100;
    public const int AccessToken = 190;
    public const int PersonUnavailable = 551;
    public const int CallRateLimit = 613;

    /// <summary>Subcode of 10: the message was sent outside the allowed window.</summary>
    public const int OutsideWindowSubcode = 2018278;

    /// <summary>Subcode of 100: no matching user.</summary>
    public const int NoMatchingUserSubcode = 2018001;

    /// <summary>Subcode of 551: the person is not available right now.</summary>
    public const int UnavailableSubcode = 1545041;
}
