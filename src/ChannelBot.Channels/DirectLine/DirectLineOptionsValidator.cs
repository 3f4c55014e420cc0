using ChannelBot.Application.DirectLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Refuses, at start-up, a Direct Line configuration that could only fail later, above all a channel switched on
/// outside Development with no token signing key (a generated key is for a developer's machine only), and a key
/// generated at start-up when the conversation log is shared by several instances (PostgreSQL): a token one instance
/// signed with a key of its own would be refused by the others.
/// </summary>
internal sealed class DirectLineOptionsValidator(IHostEnvironment environment, IDirectLineSharedLog? sharedLog = null) : IValidateOptions<DirectLineOptions>
{
    public const int MinimumKeyBytes = 32;

    public const int MinimumSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var hasKey = !string.IsNullOrWhiteSpace(options.TokenSigningKey);
        if (hasKey && DecodeKey(options.TokenSigningKey) is null)
        {
            failures.Add($"DirectLine:TokenSigningKey must be base64 of at least {MinimumKeyBytes} bytes (e.g. `openssl rand -base64 48`).");
        }

        var switchedOn = options.Enabled == true || !string.IsNullOrWhiteSpace(options.Secret) || options.AllowedOrigins.Count > 0;
        if (!hasKey && switchedOn && options.Enabled != false && !environment.IsDevelopment())
        {
            failures.Add("Direct Line is switched on (DirectLine:Enabled, Secret or AllowedOrigins) but DirectLine:TokenSigningKey is not set; outside Development a key must be configured.");
        }

        if (!hasKey && sharedLog is not null && options.Enabled != false && environment.IsDevelopment())
        {
            failures.Add("DirectLine:TokenSigningKey is required when Storage:Provider is Postgres: several instances may serve one web chat, and a key generated at start-up is valid on one instance only. Set the same key on every instance (base64, 32+ bytes, e.g. `openssl rand -base64 48`), or DirectLine:Enabled false.");
        }

        if (!string.IsNullOrWhiteSpace(options.Secret) && options.Secret.Trim().Length < MinimumSecretLength)
        {
            failures.Add($"DirectLine:Secret must be at least {MinimumSecretLength} characters.");
        }

        Positive(failures, "TokenLifetime", options.TokenLifetime);
        Positive(failures, "StreamUrlLifetime", options.StreamUrlLifetime);
        Positive(failures, "ConversationIdleTimeout", options.ConversationIdleTimeout);
        Positive(failures, "SweepInterval", options.SweepInterval);
        Positive(failures, "UploadRetention", options.UploadRetention);
        Positive(failures, "KeepAliveInterval", options.KeepAliveInterval);
        Positive(failures, "MaxConversations", options.MaxConversations);
        Positive(failures, "MaxActivitiesPerConversation", options.MaxActivitiesPerConversation);
        Positive(failures, "CachedActivitiesPerConversation", options.CachedActivitiesPerConversation);
        Positive(failures, "MaxActivityBytes", options.MaxActivityBytes);
        Positive(failures, "MaxUploadBytes", options.MaxUploadBytes);
        Positive(failures, "MaxFileBytes", options.MaxFileBytes);
        Positive(failures, "MaxFilesPerUpload", options.MaxFilesPerUpload);
        Positive(failures, "PostBurst", options.PostBurst);
        Positive(failures, "PostsPerMinute", options.PostsPerMinute);
        Positive(failures, "SessionBurst", options.SessionBurst);
        Positive(failures, "SessionsPerMinute", options.SessionsPerMinute);
        Positive(failures, "MaxSocketsPerConversation", options.MaxSocketsPerConversation);
        Positive(failures, "CachedBytesPerConversation", options.CachedBytesPerConversation);
        Positive(failures, "LiveIdleTimeout", options.LiveIdleTimeout);
        Positive(failures, "MaxActivitiesPerPoll", options.MaxActivitiesPerPoll);
        Positive(failures, "MaxUploadsPerConversation", options.MaxUploadsPerConversation);
        Positive(failures, "MaxUploadBytesPerConversation", options.MaxUploadBytesPerConversation);
        Positive(failures, "SessionsPerDay", options.SessionsPerDay);
        if (options.TokenLifetime > DirectLineOptions.MaxTokenLifetime)
        {
            failures.Add($"DirectLine:TokenLifetime must not exceed {DirectLineOptions.MaxTokenLifetime.TotalMinutes:0} minutes (clients refresh their tokens).");
        }

        if (options.StreamUrlLifetime > TimeSpan.FromMinutes(5))
        {
            failures.Add("DirectLine:StreamUrlLifetime must not exceed 5 minutes.");
        }

        if (options.MaxFileBytes > options.MaxUploadBytes)
        {
            failures.Add("DirectLine:MaxFileBytes must not exceed DirectLine:MaxUploadBytes.");
        }

        if (string.IsNullOrWhiteSpace(options.UploadPath))
        {
            failures.Add("DirectLine:UploadPath must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.BotId))
        {
            failures.Add("DirectLine:BotId must not be empty.");
        }

        if (options.AllowedUploadContentTypes.Any(t => string.IsNullOrWhiteSpace(t) || !t.Contains('/', StringComparison.Ordinal)))
        {
            failures.Add("DirectLine:AllowedUploadContentTypes must hold media types such as image/png.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (DirectLineCors.NormalizeOrigin(origin) is null)
            {
                failures.Add($"DirectLine:AllowedOrigins entry '{origin}' must be an origin: scheme://host[:port], no path.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var publicUri)
                || (publicUri.Scheme != Uri.UriSchemeHttp && publicUri.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(publicUri.Query) || !string.IsNullOrEmpty(publicUri.Fragment)))
        {
            failures.Add("DirectLine:PublicBaseUrl must be an absolute http(s) URL without query or fragment.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The key's bytes, or null when it is not base64 or too short.</summary>
    public static byte[]? DecodeKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) && written >= MinimumKeyBytes
            ? buffer[..written]
            : null;
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"DirectLine:{name} must be positive.");
        }
    }

    private static void Positive(List<string> failures, string name, long value)
    {
        if (value <= 0)
        {
            failures.Add($"DirectLine:{name} must be positive.");
        }
    }
}
