namespace ChannelBot.Channels.Tests.Support;

/// <summary>
/// Signing keys and the fake identity provider publishing them, shared by a test class: a channel key that
/// endorses Teams and Web Chat, a channel key without endorsements, an Emulator (AAD) key, and a rogue key
/// that reuses the first key's id but is published nowhere.
/// </summary>
public sealed class IdentityFixture : IDisposable
{
    public const string AppId = "8c6b7f5e-2f3a-4b1e-9d0c-3a1f2e4d5c6b";
    public const string OtherAppId = "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a";

    public IdentityFixture()
    {
        Provider = new FakeIdentityProvider([EndorsingChannelKey, PlainChannelKey], [EmulatorKey]);
    }

    public TestSigningKey EndorsingChannelKey { get; } = new("channel-key-endorsing", "msteams", "webchat");

    public TestSigningKey PlainChannelKey { get; } = new("channel-key-plain");

    public TestSigningKey EmulatorKey { get; } = new("aad-key");

    public TestSigningKey RogueKey { get; } = new("channel-key-endorsing");

    public FakeIdentityProvider Provider { get; }

    public void Dispose()
    {
        Provider.Dispose();
        EndorsingChannelKey.Dispose();
        PlainChannelKey.Dispose();
        EmulatorKey.Dispose();
        RogueKey.Dispose();
    }
}
