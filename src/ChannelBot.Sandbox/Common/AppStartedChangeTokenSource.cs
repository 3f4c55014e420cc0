using Microsoft.Extensions.Options;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace ChannelBot.Sandbox.Common;

/// <summary>
/// Signals a change of <typeparamref name="TOptions"/> once, when the app has started (the server listens), so an
/// <see cref="IOptionsMonitor{TOptions}"/> computes them again and the sandbox's re-pointing sees the app's own address,
/// which is not known before.
/// </summary>
internal sealed class AppStartedChangeTokenSource<TOptions>(IHostApplicationLifetime lifetime) : IOptionsChangeTokenSource<TOptions>
{
    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() =>
        lifetime.ApplicationStarted.IsCancellationRequested
            ? NullChangeToken.Singleton
            : new CancellationChangeToken(lifetime.ApplicationStarted);
}
