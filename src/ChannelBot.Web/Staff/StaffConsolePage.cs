using System.Text.Json;
using ChannelBot.Application.Dialogs;
using ChannelBot.Domain.Cases;

namespace ChannelBot.Web.Staff;

/// <summary>
/// The staff console <c>/staff</c>: the markup of <c>wwwroot/staff/console.html.template</c> (not served as a file:
/// its extension has no content type) with the console's settings as a JSON data block. Scripts, styles, images and
/// connections stay on this app (the CSP has no inline script, no other host); photos come from the staff API with
/// the session cookie. The template is read once, when the page is built at start-up: a deployment without it fails
/// to start with a message naming the file, rather than answering 500 at the first request.
/// </summary>
public sealed class StaffConsolePage(IWebHostEnvironment environment, IDialogEngineSource dialogs)
{
    public const string TemplatePath = "staff/console.html.template";

    /// <summary>Where the template wants the settings block.</summary>
    public const string SettingsMarker = "<!--console-settings-->";

    /// <summary>Starts an attribute value that is a path from the app's root (its path base, behind a proxy).</summary>
    public const string AppRootMarker = "\"~/";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _template = ReadTemplate(environment);

    public IResult Render(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var basePath = http.Request.PathBase.Value ?? string.Empty;
        var settings = Settings(basePath);
        // The default encoder writes <, > and & as \u003C..., so nothing in the JSON can close the script element.
        var block = $"<script type=\"application/json\" id=\"console-settings\">{JsonSerializer.Serialize(settings, Json)}</script>";
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        var page = _template
            .Replace(AppRootMarker, "\"" + System.Net.WebUtility.HtmlEncode(basePath) + "/", StringComparison.Ordinal)
            .Replace(SettingsMarker, block, StringComparison.Ordinal);
        return Results.Content(page, "text/html; charset=utf-8");
    }

    public StaffConsoleSettings Settings(string basePath)
    {
        var definitions = dialogs.Current.Definitions;
        var language = definitions.DefaultLanguage;
        var statuses = Enum.GetValues<CaseStatus>();
        var next = statuses.ToDictionary(
            from => from.ToCode(),
            from => (IReadOnlyList<string>)[.. statuses.Where(to => CaseStatusTransitions.IsAllowed(from, to)).Select(to => to.ToCode())]);
        return new StaffConsoleSettings(
            basePath,
            [.. statuses.Select(s => s.ToCode())],
            next,
            [.. Enum.GetValues<CaseClosureReason>().Select(r => CaseDtoMapping.ReasonCode(r)).OfType<string>()],
            [.. definitions.Catalog.Services.Select(s => new StaffConsoleChoice(s.Code, s.Name.Get(language), s.Department))],
            [.. definitions.Catalog.Departments.Select(d => new StaffConsoleChoice(d.Code, d.Name.Get(language)))]);
    }

    private static string ReadTemplate(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(TemplatePath);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The staff console's markup wwwroot/{TemplatePath} is missing from the web root ({environment.WebRootPath ?? "none"}): publish the web project with its wwwroot folder.");
        }

        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }
}
