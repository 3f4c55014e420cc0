using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>Serves the configured provider's pooled contexts as <see cref="ChannelBotDbContext"/>.</summary>
internal sealed class ProviderDbContextFactory<TContext> : IDbContextFactory<ChannelBotDbContext>
    where TContext : ChannelBotDbContext
{
    private readonly IDbContextFactory<TContext> _inner;

    public ProviderDbContextFactory(IDbContextFactory<TContext> inner) => _inner = inner;

    public ChannelBotDbContext CreateDbContext() => _inner.CreateDbContext();

    public async Task<ChannelBotDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await _inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
