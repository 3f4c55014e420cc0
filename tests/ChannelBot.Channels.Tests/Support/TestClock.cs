using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Channels.Tests.Support;

/// <summary>The instant the tests live in.</summary>
public static class TestClock
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Now);
}
