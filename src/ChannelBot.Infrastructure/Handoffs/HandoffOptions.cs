namespace ChannelBot.Infrastructure.Handoffs;

/// <summary>Live handoff settings (section <c>Handoff</c>). The staffed hours are city data: <c>dialogs/city.yaml</c>.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>A resident nobody has taken after this long is told where they stand in line (once). Default 3 minutes.</summary>
    public TimeSpan WaitNoticeAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often this instance looks for residents to tell. Default 30 seconds.</summary>
    public TimeSpan WaitNoticeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest operator reply, in characters.</summary>
    public const int MaxReplyLength = 1000;
}
