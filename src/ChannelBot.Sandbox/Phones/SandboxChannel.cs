namespace ChannelBot.Sandbox.Phones;

/// <summary>The three phones of the sandbox page, by the path they post to (<c>/sandbox/phones/{channel}</c>).</summary>
public enum SandboxChannel
{
    Sms,
    WhatsApp,
    Messenger,
}
