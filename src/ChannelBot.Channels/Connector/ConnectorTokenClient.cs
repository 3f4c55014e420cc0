using System.Text.Json;
using ChannelBot.Application.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// Obtains the bot's outbound token (OAuth client credentials, scope <c>https://api.botframework.com/.default</c>)
/// and keeps it until five minutes before it expires. Callers that arrive while a refresh is under way wait
/// for it and share its token. With no App ID configured there is no token (and no header on sends).
/// </summary>
public sealed class ConnectorTokenClient(
    IHttpClientFactory httpClientFactory,
    IOptions<ConnectorOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectorTokenClient> logger) : IDisposable
{
    private readonly ConnectorOptions _options = options.Value;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private ConnectorAccessToken? _current;

    public bool IsEnabled => _options.IsAuthenticationEnabled;

    /// <summary>The current token, fetching a new one when needed; null when authentication is off.</summary>
    /// <exception cref="ConnectorTokenException">The token endpoint could not be reached or refused.</exception>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return null;
        }

        var current = Volatile.Read(ref _current);
        if (current is not null && current.IsFresh(timeProvider.GetUtcNow()))
        {
            return current.Value;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = Volatile.Read(ref _current);
            if (current is not null && current.IsFresh(timeProvider.GetUtcNow()))
            {
                return current.Value;
            }

            var fresh = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, fresh);
            return fresh.Value;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>Forgets the token if it is still the cached one (a channel refused it), so the next call fetches anew.</summary>
    public void Invalidate(string rejectedToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && string.Equals(current.Value, rejectedToken, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    private async Task<ConnectorAccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var endpoint = _options.EffectiveTokenEndpoint;
        using var body = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", _options.MicrosoftAppId!),
            new("client_secret", _options.MicrosoftAppPassword ?? string.Empty),
            new("scope", _options.OAuthScope),
        ]);

        var client = httpClientFactory.CreateClient(ConnectorHttpClients.Token);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(endpoint, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            ConnectorLog.TokenRequestFailed(logger, LogOrigin(endpoint), 0, exception.GetType().Name);
            throw new ConnectorTokenException($"The token endpoint could not be reached ({exception.GetType().Name}).", exception);
        }

        using (response)
        {
            var payload = await ReadPayloadAsync(response, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(payload?.AccessToken))
            {
                var error = payload?.Error ?? "no access_token";
                ConnectorLog.TokenRequestFailed(logger, LogOrigin(endpoint), (int)response.StatusCode, error);
                throw new ConnectorTokenException($"The token endpoint answered {(int)response.StatusCode} ({error}).");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(payload.ExpiresIn ?? 0, 0));
            var token = ConnectorAccessToken.Issued(payload.AccessToken, timeProvider.GetUtcNow(), lifetime);
            ConnectorLog.TokenObtained(logger, (long)lifetime.TotalSeconds);
            return token;
        }
    }

    private static async Task<ConnectorTokenResponse?> ReadPayloadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, ConnectorJsonContext.Default.ConnectorTokenResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string LogOrigin(string endpoint) => LogMask.Origin(endpoint);
}
