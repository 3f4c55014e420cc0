using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>What the database says about deleting a photo's copy at the channel (the <c>CasePhotos.SourceRelease…</c> columns).</summary>
public sealed record PhotoReleaseRow(string Status, int Attempts, DateTimeOffset? ReleasedAt, string? Failure)
{
    /// <summary>The row of the photo that came from <paramref name="sourceUrl"/>, through the app's own database registration.</summary>
    public static async Task<PhotoReleaseRow?> ReadAsync(IServiceProvider services, string sourceUrl)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Cases
            .SelectMany(c => c.Photos)
            .Where(p => p.SourceUrl == sourceUrl)
            .Select(p => new PhotoReleaseRow(
                p.Status.ToString(),
                EF.Property<int>(p, "SourceReleaseAttempts"),
                EF.Property<DateTimeOffset?>(p, "SourceReleasedAt"),
                EF.Property<string?>(p, "SourceReleaseFailure")))
            .SingleOrDefaultAsync();
    }

    /// <summary>Waits until the photo's row satisfies <paramref name="done"/>; returns it.</summary>
    public static async Task<PhotoReleaseRow> WaitForAsync(IServiceProvider services, string sourceUrl, Func<PhotoReleaseRow, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var row = await ReadAsync(services, sourceUrl);
            if (row is not null && done(row))
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The photo from {sourceUrl} did not get there: {row}");
            await Task.Delay(25);
        }
    }
}
