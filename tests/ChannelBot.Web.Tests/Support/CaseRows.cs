using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Support;

/// <summary>Reads what the app saved, through the app's own database registration.</summary>
public static class CaseRows
{
    public static async Task<List<Case>> AllAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().ToListAsync();
    }

    public static async Task<int> InboundCountAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.InboundActivities.CountAsync();
    }
}
