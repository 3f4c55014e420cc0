using System.Net;
using System.Net.Http.Json;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// What a person's browser does against the real app: keeps the session cookie in a cookie jar, remembers the
/// CSRF token sign-in returned, and sends it with changes unless told not to.
/// </summary>
public sealed class StaffBrowser : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _baseAddress;

    private StaffBrowser(Uri baseAddress, string? clientAddress = null)
    {
        _baseAddress = baseAddress;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true }) { BaseAddress = baseAddress };
        if (clientAddress is not null)
        {
            // The app trusts X-Forwarded-For from loopback (its reverse proxy): this browser is seen at that address.
            _http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        }
    }

    public CookieContainer Cookies { get; } = new();

    public string? CsrfToken => Session?.CsrfToken;

    /// <summary>What the last successful sign-in returned.</summary>
    public SessionDto? Session { get; private set; }

    /// <summary>The session cookie's value as the jar holds it (null once removed).</summary>
    public string? SessionCookie => Cookies.GetCookies(_baseAddress)[StaffSessionCookie.Name]?.Value;

    public static StaffBrowser Open(ChannelBotApp app) => new(app.BaseAddress);

    /// <summary>A browser the app sees at <paramref name="clientAddress"/> (through its trusted proxy).</summary>
    public static StaffBrowser OpenFrom(ChannelBotApp app, string clientAddress) => new(app.BaseAddress, clientAddress);

    /// <summary>Signs in; on success remembers the CSRF token. The response is the caller's to read and dispose.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string login, string password)
    {
        var response = await _http.PostAsJsonAsync("/api/staff/session", new SignInDto(login, password));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Session = await response.Content.ReadFromJsonAsync<SessionDto>();
        }

        return response;
    }

    public async Task<SessionDto> SignInOrFailAsync(string login, string password)
    {
        using var response = await SignInAsync(login, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Session!;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body, bool withCsrf = true) => SendAsync(HttpMethod.Post, path, body, withCsrf ? CsrfToken : null);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? csrfToken = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (csrfToken is not null)
        {
            request.Headers.Add(StaffSessionCookie.CsrfHeader, csrfToken);
        }

        return _http.SendAsync(request);
    }

    /// <summary>Files a caller's report at <c>POST /api/staff/cases</c> with <paramref name="idempotencyKey"/>, with or without the CSRF token.</summary>
    public async Task<HttpResponseMessage> SendWithKeyAsync(PhoneIntakeDto form, string idempotencyKey, bool csrf)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/cases") { Content = JsonContent.Create(form) };
        request.Headers.Add(StaffIntakeEndpoints.IdempotencyHeader, idempotencyKey);
        if (csrf && CsrfToken is not null)
        {
            request.Headers.Add(StaffSessionCookie.CsrfHeader, CsrfToken);
        }

        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
