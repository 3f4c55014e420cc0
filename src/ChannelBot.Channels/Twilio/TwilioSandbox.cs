using ChannelBot.Channels.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// The local stand-in for Twilio (Development only, issue 3 "Sandbox"). Active when the host environment is
/// <c>Development</c> and neither <see cref="TwilioOptions.AccountSid"/> nor <see cref="TwilioOptions.AuthToken"/>
/// is configured: the sender then posts to the fake Messages API the app itself serves under <see cref="BasePath"/>
/// (<see cref="TwilioSandboxEndpoints"/>), with this account SID and the development token, from
/// <see cref="CityNumber"/> (SMS, unless <c>Twilio:From</c> or a Messaging Service is set) and
/// <see cref="WhatsAppFrom"/> (unless <c>Twilio:WhatsAppFrom</c> is set). Webhooks are then signed with the
/// development token over the app's own address (unless <c>Twilio:PublicBaseUrl</c> is set). In any other
/// environment it is never active and its routes are not mapped.
/// </summary>
public sealed class TwilioSandbox
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

    private readonly IServiceProvider _services;
    private readonly TwilioOptions _options;

    public TwilioSandbox(IOptions<TwilioOptions> options, IHostEnvironment environment, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _services = services;
        _options = options.Value;
        IsDevelopment = environment.IsDevelopment();
        IsActive = IsDevelopment
            && string.IsNullOrWhiteSpace(_options.AccountSid)
            && string.IsNullOrWhiteSpace(_options.AuthToken);
    }

    /// <summary>True in the Development environment: the sandbox routes exist (even when real credentials are set).</summary>
    public bool IsDevelopment { get; }

    /// <summary>True when the sender talks to the sandbox instead of Twilio.</summary>
    public bool IsActive { get; }

    /// <summary>The token the sandbox's Basic auth expects (the development signing token).</summary>
    public string AuthToken => string.IsNullOrWhiteSpace(_options.DevelopmentAuthToken) ? TwilioOptions.DefaultDevelopmentAuthToken : _options.DevelopmentAuthToken;

    /// <summary>
    /// The app's own origin, from the addresses the server listens on (plain http preferred, a wildcard host read as
    /// <c>localhost</c>); null before the server has started or without a server.
    /// </summary>
    public string? AppBaseUrl => OwnOrigin.Of(_services);

    /// <summary>The origin of the fake REST API (what <see cref="TwilioOptions.ApiBaseUrl"/> would be), or null before the server started.</summary>
    public string? ApiBaseUrl => AppBaseUrl is { } app ? app + BasePath : null;

    /// <summary>The options to compose messages with: the configured senders, or the sandbox's numbers where none are set.</summary>
    public TwilioOptions SendingOptions(TwilioOptions configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (!IsActive)
        {
            return configured;
        }

        var noSmsSender = string.IsNullOrWhiteSpace(configured.From) && string.IsNullOrWhiteSpace(configured.MessagingServiceSid);
        return new TwilioOptions
        {
            From = noSmsSender ? CityNumber : configured.From,
            MessagingServiceSid = configured.MessagingServiceSid,
            WhatsAppFrom = string.IsNullOrWhiteSpace(configured.WhatsAppFrom) ? WhatsAppFrom : configured.WhatsAppFrom,
            WhatsAppTemplates = configured.WhatsAppTemplates,
        };
    }
}
