using ChannelBot.Application.Logging;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Email;

/// <summary>
/// <c>GET /email/unsubscribe?token=…</c> asks; <c>POST</c> (the page's button, or a mail program's one click, RFC 8058)
/// records the opt-out of the address in the token on channel <c>email</c>, through the same consent store SMS STOP
/// uses, so <see cref="OptOutGate"/> refuses every later email to it. A token that is not ours is a 400 page; a body
/// larger than a one-click POST needs is a 413. Nothing is read but the query and the body's length.
/// </summary>
internal sealed class EmailUnsubscribeHandler(
    EmailUnsubscribeToken tokens,
    IMessagingConsent consent,
    IOptionsMonitor<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailUnsubscribeHandler> logger)
{
    /// <summary>The largest POST body accepted: a one-click body is 26 bytes, the page's form the same.</summary>
    public const int MaxBodyBytes = 1024;

    public const string Source = "email:unsubscribe";

    public IResult Ask(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var language = LanguageOf(http);
        if (!TryAddress(http, out var address))
        {
            return EmailUnsubscribePage.Invalid(http, language);
        }

        var action = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        return EmailUnsubscribePage.Ask(http, language, options.CurrentValue.FromName, address, action);
    }

    public async Task<IResult> UnsubscribeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var language = LanguageOf(http);
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return EmailUnsubscribePage.TooLarge(http, language);
        }

        if (!TryAddress(http, out var address))
        {
            return EmailUnsubscribePage.Invalid(http, language);
        }

        var changed = await consent.RecordAsync(
            new ConsentChange(NotificationChannels.Email, address, OptedOut: true, Source, clock.GetUtcNow()),
            http.RequestAborted).ConfigureAwait(false);
        if (changed)
        {
            EmailLog.Unsubscribed(logger, LogMask.Id(address));
        }

        return EmailUnsubscribePage.Done(http, language, options.CurrentValue.FromName);
    }

    private bool TryAddress(HttpContext http, out string address)
    {
        var values = http.Request.Query["token"];
        if (values.Count == 1 && tokens.TryRead(values[0], out address))
        {
            return true;
        }

        address = string.Empty;
        EmailLog.InvalidUnsubscribeToken(logger);
        return false;
    }

    private static string LanguageOf(HttpContext http) =>
        http.Request.Query["lang"] is { Count: 1 } lang ? EmailFooter.LanguageOf(lang[0]) : "en";
}
