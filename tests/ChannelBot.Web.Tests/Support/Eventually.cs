namespace ChannelBot.Web.Tests.Support;

/// <summary>Waits (polling, at most 30 s unless told) for something the app does in the background.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    public static Task HoldsAsync(Func<bool> condition, TimeSpan? within = null) => HoldsAsync(() => Task.FromResult(condition()), within);

    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = within ?? DefaultWait;
        var deadline = DateTime.UtcNow + wait;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"The condition did not hold within {wait.TotalSeconds:F0} s.");
            await Task.Delay(25);
        }
    }
}
