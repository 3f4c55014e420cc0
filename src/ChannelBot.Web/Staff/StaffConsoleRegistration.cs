using Microsoft.Extensions.FileProviders;

namespace ChannelBot.Web.Staff;

/// <summary>
/// Maps the staff console: the page at <c>/staff</c>, its script and styles from <c>wwwroot/staff/</c> at <c>/staff/...</c>,
/// and Chart.js (<c>wwwroot/lib/chartjs/</c>) for its analytics view.
/// </summary>
public static class StaffConsoleRegistration
{
    public static WebApplication MapStaffConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "staff");
        if (Directory.Exists(folder))
        {
            // Its own files only, whether or not the landing page (and its static files) is on.
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = "/staff" });
        }

        // Chart.js (copied from npm by ClientApp/install.sh) for the analytics view, whether or not the landing page is on.
        var charts = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "lib", "chartjs");
        if (Directory.Exists(charts))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(charts), RequestPath = "/lib/chartjs" });
        }

        // Built now, so a deployment without the console's markup fails at start-up with the file's name.
        _ = app.Services.GetRequiredService<StaffConsolePage>();
        app.MapGet("/staff", static (HttpContext http, StaffConsolePage page) => page.Render(http)).ExcludeFromDescription();
        return app;
    }
}
