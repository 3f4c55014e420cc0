namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Settings of our own Direct Line 3.0 server (section <c>DirectLine</c>), which the official Web Chat widget and
/// <c>botframework-directlinejs</c> talk to under <c>/v3/directline</c>.
/// <para>
/// Tokens are JWTs signed (HS256) with <see cref="TokenSigningKey"/>. In Development, with no key configured, a
/// random key is generated at start-up (tokens then do not survive a restart). Outside Development the channel
/// runs only with a configured key: with no Direct Line settings at all it is off and every route answers 403;
/// when it is switched on (<see cref="Enabled"/>, a <see cref="Secret"/> or <see cref="AllowedOrigins"/>)
/// without a key, the app refuses to start.
/// </para>
/// </summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// On or off. Unset: on in Development, and elsewhere when a <see cref="TokenSigningKey"/> is configured.
    /// True outside Development requires the key (start-up refusal otherwise).
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The Direct Line secret: server-to-server only (<c>tokens/generate</c>, or a trusted client). It never goes
    /// to a browser: pages get a token from <c>POST /api/chat/session</c>. Empty: no caller can use a secret.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>The HMAC key that signs tokens, base64 (at least 32 bytes once decoded).</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a conversation token is valid; clients refresh it (<c>directlinejs</c> every 15 minutes).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest <see cref="TokenLifetime"/> allowed: a leaked token stays useful no longer than this.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>How long a <c>streamUrl</c> may wait before its WebSocket is opened (Azure: 60 s).</summary>
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A conversation with no activity for this long is deleted with its log. The log is durable (the database), so a
    /// resident can come back to the page days later and find the conversation; 7 days by default (was 4 hours while
    /// logs were only in memory).
    /// </summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The last activities of each live conversation's log kept in memory, so polls and socket replays near the end of
    /// the log never read the database; older ones are read from it.
    /// </summary>
    public int CachedActivitiesPerConversation { get; set; } = 64;

    /// <summary>The most bytes of one conversation's log kept in memory (the oldest cached activities go first).</summary>
    public long CachedBytesPerConversation { get; set; } = 128 * 1024;

    /// <summary>A live conversation with no socket and no request for this long is let go from memory (its log stays stored).</summary>
    public TimeSpan LiveIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most activities one poll (<c>GET …/activities</c>) returns; the client polls again from the new watermark.</summary>
    public int MaxActivitiesPerPoll { get; set; } = 100;

    /// <summary>How often idle conversations and old uploads are swept away.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most conversations stored at once (each kept until idle for <see cref="ConversationIdleTimeout"/>); a start beyond it gets 429.</summary>
    public int MaxConversations { get; set; } = 100_000;

    /// <summary>The most activities one conversation's log holds; the resident's posts beyond it get 429.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 2_000;

    /// <summary>The largest activity body accepted on <c>POST …/activities</c>, in bytes.</summary>
    public long MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>The largest <c>POST …/upload</c> body (all parts together), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 12 * 1024 * 1024;

    /// <summary>The largest single uploaded file, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most files in one upload.</summary>
    public int MaxFilesPerUpload { get; set; } = 10;

    /// <summary>The most files one conversation may upload in all (a report takes a few photos).</summary>
    public int MaxUploadsPerConversation { get; set; } = 20;

    /// <summary>The most bytes one conversation may upload in all.</summary>
    public long MaxUploadBytesPerConversation { get; set; } = 60 * 1024 * 1024;

    /// <summary>Types an upload may carry (checked against the file's first bytes too). Empty: the default image types.</summary>
    public List<string> AllowedUploadContentTypes { get; set; } = [];

    /// <summary>Where uploaded files are kept; relative paths are under the app's content root.</summary>
    public string UploadPath { get; set; } = "data/directline-uploads";

    /// <summary>How long an uploaded file stays downloadable (the case's photo copy is taken long before).</summary>
    public TimeSpan UploadRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Posts (activities and uploads) one conversation may make in a burst before 429.</summary>
    public int PostBurst { get; set; } = 20;

    /// <summary>Posts per minute one conversation may make once its burst is spent.</summary>
    public int PostsPerMinute { get; set; } = 30;

    /// <summary>Sessions (<c>POST /api/chat/session</c>) one client address may open in a burst before 429.</summary>
    public int SessionBurst { get; set; } = 10;

    /// <summary>Sessions per minute one client address may open once its burst is spent.</summary>
    public int SessionsPerMinute { get; set; } = 10;

    /// <summary>
    /// Sessions one client network (an IPv4 address, an IPv6 /64: what one household or attacker holds) may open
    /// per day, so no single network can fill <see cref="MaxConversations"/>.
    /// </summary>
    public int SessionsPerDay { get; set; } = 200;

    /// <summary>How often an idle WebSocket gets an empty keep-alive frame.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>WebSockets one conversation may hold; a new one beyond it closes the oldest.</summary>
    public int MaxSocketsPerConversation { get; set; } = 4;

    /// <summary>
    /// Origins (scheme://host[:port]) of other sites allowed to embed the widget: they may call
    /// <c>/api/chat/session</c> and <c>/v3/directline</c> from the browser (CORS). The app's own origin always may.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// The public origin (and path prefix, if any) clients reach the app at, e.g. <c>https://311.example.gov</c>.
    /// Used for <c>streamUrl</c> and upload URLs. Empty: taken from the request (after forwarded headers).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The bot's account on the conversation (the <c>recipient</c> of what residents send).</summary>
    public string BotId { get; set; } = "channelbot";

    public string BotName { get; set; } = "City 311";

    public static IReadOnlyList<string> DefaultUploadContentTypes { get; } =
        ["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif", "image/bmp"];

    public IReadOnlyList<string> EffectiveUploadContentTypes =>
        AllowedUploadContentTypes.Count > 0 ? AllowedUploadContentTypes : DefaultUploadContentTypes;
}
