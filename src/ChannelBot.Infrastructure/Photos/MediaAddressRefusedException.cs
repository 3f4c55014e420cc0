namespace ChannelBot.Infrastructure.Photos;

/// <summary>A media link led to a host whose every address is one the server must not connect to.</summary>
internal sealed class MediaAddressRefusedException(string host)
    : Exception($"'{host}' is not a public address; media is never fetched from loopback, private, link-local or metadata addresses.")
{
    public string Host { get; } = host;
}
