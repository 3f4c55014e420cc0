namespace ChannelBot.Application.Delivery;

/// <summary>The photos of a filed case as they are now (still being copied, kept, failed), for a delivery that attaches them.</summary>
public interface ICasePhotoSource
{
    /// <summary>The case's photos in the resident's order; empty when the case has none (or is not found).</summary>
    Task<IReadOnlyList<DeliveryPhoto>> PhotosOfAsync(Guid caseId, CancellationToken cancellationToken);
}
