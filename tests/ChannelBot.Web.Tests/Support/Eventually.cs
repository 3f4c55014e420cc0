namespace ChannelBot.Web.Tests.Support;

/// <summary>Waits (polling, at most 30 s) for something the app does in the background.</summary>
public static class Eventually
{
    public static Task HoldsAsync(Func<bool> condition) => HoldsAsync(() => Task.FromResult(condition()));

    public static async Task HoldsAsync(Func<Task<bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 30 s.");
            await Task.Delay(25);
        }
    }
}
