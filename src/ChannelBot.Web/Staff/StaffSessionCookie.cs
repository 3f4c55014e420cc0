namespace ChannelBot.Web.Staff;

/// <summary>The cookie a person's session travels in, and the header that proves a mutating call is the page's own.</summary>
public static class StaffSessionCookie
{
    public const string Name = "channelbot-staff";

    /// <summary>Mutating calls made with the cookie repeat the session's CSRF token here (ADR 0007).</summary>
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>Longer cookie values are not looked up at all.</summary>
    public const int MaxTokenLength = 100;

    /// <summary>HttpOnly (scripts never see it), Secure over HTTPS, SameSite=Strict, gone when the browser closes.</summary>
    public static void Issue(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(Name, token, Options(context));
    }

    public static void Remove(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(Name, Options(context));
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
    };
}
