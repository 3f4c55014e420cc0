namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// Find open cases of <paramref name="ServiceCode"/> within <paramref name="RadiusMetres"/> of the point, filed
/// since <paramref name="Since"/>, nearest first, then call <see cref="DialogEngine.OnNearbyCasesFound"/>.
/// </summary>
public sealed record FindNearbyCases(string ServiceCode, double Latitude, double Longitude, double RadiusMetres, DateTimeOffset Since) : DialogEffect;
