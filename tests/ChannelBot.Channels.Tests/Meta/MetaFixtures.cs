using System.Runtime.CompilerServices;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>
/// Webhook bodies in the shapes of Meta's Messenger reference (webhook events: messages, messaging_postbacks,
/// message_deliveries, message_reads, message_echoes), written by us, kept byte for byte in <c>Fixtures/</c>:
/// the signature is computed over these exact bytes, so they are read raw, never re-serialized.
/// </summary>
public static class MetaFixtures
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder(), "Fixtures", name + ".json"));

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
