using ChannelBot.Application.Delivery;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Delivery;

/// <summary>A case's photos as they are in the database now: one read, no tracking.</summary>
internal sealed class CasePhotoSource(IDbContextFactory<ChannelBotDbContext> databases) : ICasePhotoSource
{
    public async Task<IReadOnlyList<DeliveryPhoto>> PhotosOfAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return found is null
            ? []
            : [.. found.Photos.OrderBy(p => p.Number).Select(p => new DeliveryPhoto(p.Number, p.Status, p.StoredPath, p.SizeBytes))];
    }
}
