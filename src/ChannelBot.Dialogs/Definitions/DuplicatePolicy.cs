namespace ChannelBot.Dialogs.Definitions;

/// <summary>
/// When a new report of a service is probably one already open: an open case of the same service within
/// <see cref="RadiusMetres"/> filed in the last <see cref="Days"/> days is offered to follow instead. A radius of 0
/// turns the offer off for the service.
/// </summary>
public sealed class DuplicatePolicy
{
    public static DuplicatePolicy Default { get; } = new();

    public double RadiusMetres { get; init; } = 50;

    public int Days { get; init; } = 30;
}
