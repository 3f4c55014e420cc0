namespace ChannelBot.Channels.Meta;

/// <summary>
/// When each resident last wrote to our Page: Messenger's 24-hour standard messaging window starts there. The
/// webhook records every accepted message and postback; the sender asks before it sends.
/// </summary>
public interface IMessengerWindows
{
    /// <summary>Records a message from <paramref name="psid"/> at <paramref name="at"/> (an earlier time than the one known changes nothing).</summary>
    Task RecordInboundAsync(string psid, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The resident's last message, or null when it is not known (then Meta decides, and refuses with 10/2018278 outside the window).</summary>
    Task<DateTimeOffset?> LastInboundAsync(string psid, CancellationToken cancellationToken);
}
