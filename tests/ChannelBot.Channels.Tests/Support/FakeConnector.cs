using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Channels.Tests.Support;

/// <summary>
/// Plays a Bot Framework channel's REST API (what sits behind <c>serviceUrl</c>) and the AAD token endpoint,
/// on one WireMock server on loopback.
/// </summary>
public sealed class FakeConnector : IDisposable
{
    public const string TokenPath = "/botframework.com/oauth2/v2.0/token";

    public WireMockServer Server { get; } = WireMockServer.Start();

    /// <summary>The serviceUrl activities carry, with its trailing slash.</summary>
    public string ServiceUrl => Server.Url + "/";

    public string TokenEndpoint => Server.Url + TokenPath;

    public IReadOnlyList<ILogEntry> ConnectorRequests =>
        Server.LogEntries.Where(e => e.RequestMessage.Path.Contains("/v3/conversations/", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<ILogEntry> TokenRequests =>
        Server.LogEntries.Where(e => e.RequestMessage.Path == TokenPath).ToList();

    /// <summary>Every POST of an activity is answered with <paramref name="status"/> and, on success, a resource id.</summary>
    public void AnswerActivities(int status = 200, string resourceId = "channel-activity-1", string? body = null, IDictionary<string, string>? headers = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody(body ?? (status is >= 200 and < 300 ? new JsonObject { ["id"] = resourceId }.ToJsonString() : string.Empty));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("/v3/conversations/.*")).UsingPost()).RespondWith(response);
    }

    /// <summary>Issues the given tokens in turn, one per request (the last one repeats).</summary>
    public void IssueTokens(int expiresInSeconds, params string[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var request = Server.Given(Request.Create().WithPath(TokenPath).UsingPost()).InScenario("tokens");
            if (i > 0)
            {
                request = request.WhenStateIs($"issued-{i}");
            }

            if (i < tokens.Length - 1)
            {
                request = request.WillSetStateTo($"issued-{i + 1}");
            }

            request.RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = expiresInSeconds,
                ["ext_expires_in"] = expiresInSeconds,
                ["access_token"] = tokens[i],
            }.ToJsonString()));
        }
    }

    public void Dispose() => Server.Stop();
}
