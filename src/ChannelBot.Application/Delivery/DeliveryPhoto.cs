using ChannelBot.Domain.Cases;

namespace ChannelBot.Application.Delivery;

/// <summary>One photo of a case, for a delivery: its number, whether the city's copy exists, and where (in the photo store).</summary>
public sealed record DeliveryPhoto(int Number, PhotoStatus Status, string? StoredPath, long? SizeBytes);
