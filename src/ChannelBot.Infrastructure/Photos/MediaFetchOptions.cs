namespace ChannelBot.Infrastructure.Photos;

/// <summary>How residents' media may be fetched, for every channel (configuration section <c>Media</c>).</summary>
public sealed class MediaFetchOptions
{
    public const string Section = "Media";

    /// <summary>Redirects followed per fetch (each hop is checked again: host and addresses).</summary>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>Downloads in flight at once.</summary>
    public int MaxParallel { get; set; } = 4;

    /// <summary>Downloads in flight at once to one host.</summary>
    public int MaxParallelPerHost { get; set; } = 2;

    /// <summary>
    /// More hosts per channel id, added to what the channel itself names (e.g. <c>Media:AllowedHosts:msteams:0</c>);
    /// <c>*</c> allows any host name (addresses are still checked).
    /// </summary>
    public Dictionary<string, List<string>> AllowedHosts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Non-public networks (CIDR) media may still come from: none by default. Loopback, private, link-local,
    /// cloud-metadata and unique-local addresses are refused unless listed here (the Development settings list
    /// loopback, for the app's own fakes and the Emulator).
    /// </summary>
    public List<string> AllowedPrivateNetworks { get; set; } = [];
}
