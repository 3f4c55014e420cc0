using ChannelBot.Channels.Twilio;
using Microsoft.Extensions.Options;

namespace ChannelBot.Sandbox.Twilio;

/// <summary>
/// The local stand-in for Twilio (Development only, issue 3 "Sandbox"). It takes over when the host environment is
/// <c>Development</c> and neither <see cref="TwilioOptions.AccountSid"/> nor <see cref="TwilioOptions.AuthToken"/>
/// is configured: <see cref="TwilioSandboxOptionsSetup"/> then re-points the Twilio channel's options at the fake
/// Messages API the app itself serves under <see cref="BasePath"/> (<see cref="TwilioSandboxEndpoints"/>), with this
/// account SID and the development token, from <see cref="CityNumber"/> (SMS, unless <c>Twilio:From</c> or a
/// Messaging Service is set) and <see cref="WhatsAppFrom"/> (unless <c>Twilio:WhatsAppFrom</c> is set); webhooks are
/// then signed with the development token over the app's own address (unless <c>Twilio:PublicBaseUrl</c> is set).
/// The channel itself does not know: it sends with whatever its options say.
/// </summary>
public sealed class TwilioSandbox(IOptionsMonitor<TwilioOptions> options)
{
    /// <summary>The sandbox's account SID (not a real account).</summary>
    public const string AccountSid = "AC00000000000000000000000000000000";

    /// <summary>The city's SMS number in the sandbox (555-01xx: reserved for fiction).</summary>
    public const string CityNumber = "+15555550111";

    public const string WhatsAppFrom = "whatsapp:" + CityNumber;

    /// <summary>Where the fake REST API lives: <c>{app}/sandbox/twilio/2010-04-01/Accounts/{sid}/Messages.json</c>.</summary>
    public const string BasePath = "/sandbox/twilio";

    /// <summary><c>GET /sandbox/twilio/messages?to=+1555…</c>: what that phone (or <c>whatsapp:</c> address) received.</summary>
    public const string ReceivedPath = BasePath + "/messages";

    /// <summary>True when the channel's options point at the sandbox (its account), not at Twilio.</summary>
    public bool IsActive => string.Equals(options.CurrentValue.AccountSid, AccountSid, StringComparison.Ordinal);

    /// <summary>The token the sandbox's Basic auth expects (the development signing token).</summary>
    public string AuthToken => DevelopmentToken(options.CurrentValue);

    /// <summary>The origin the channel's webhooks are signed over while the sandbox is active (the app's own, once it listens).</summary>
    public string? PublicBaseUrl => IsActive ? options.CurrentValue.PublicBaseUrl?.TrimEnd('/') : null;

    /// <summary>The options the channel sends with: the sandbox's numbers where none are configured.</summary>
    public TwilioOptions Current => options.CurrentValue;

    /// <summary>
    /// True when the sandbox stands in for Twilio: Development, and no real account configured (the options as
    /// configured, before the sandbox re-points them).
    /// </summary>
    public static bool TakesOver(IHostEnvironment environment, TwilioOptions configured)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configured);
        return environment.IsDevelopment()
            && string.IsNullOrWhiteSpace(configured.AccountSid)
            && string.IsNullOrWhiteSpace(configured.AuthToken);
    }

    /// <summary>The development signing token: the configured one, else its default.</summary>
    public static string DevelopmentToken(TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.DevelopmentAuthToken) ? TwilioOptions.DefaultDevelopmentAuthToken : options.DevelopmentAuthToken;
    }
}
