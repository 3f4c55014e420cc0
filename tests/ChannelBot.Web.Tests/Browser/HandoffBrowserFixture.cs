using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>The sandbox fixture on a clock the test moves: a staffed Wednesday noon first, then a Sunday night.</summary>
public sealed class HandoffBrowserFixture : SandboxBrowserFixture
{
    public MovableClock Clock { get; } = new(PinnedClock.Default);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
