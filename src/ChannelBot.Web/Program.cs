// ChannelBot: an omnichannel 311 intake service. This file is the table of contents; each project
// registers itself with one Add<Project>() and maps its endpoints with one Map<Area>().
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();   // logging, problem details, health checks, forwarded headers
builder.AddInfrastructure();    // storage (SQLite/PostgreSQL), dialog files, turn pipeline, outbox
builder.AddChannels();          // Bot Framework Connector (/api/messages) and the other channels
builder.AddStaffApi();          // /api/cases for staff and integrations (API keys), /openapi/v1.json
builder.AddSite();              // the resident-facing landing page with the web chat widget
builder.AddOpen311Server();     // /open311/v2: GeoReport v2 for city apps, FixMyStreet and work-order systems
builder.AddPublicRequests();    // /requests: the public list, map and feed of requests (no personal data)
builder.AddSandbox();           // /sandbox: web chat and SMS, WhatsApp, Messenger phones (Development only)

var app = builder.Build();
if (await app.RunStaffCommandAsync(args))   // `staff add-admin <login>`: the first admin (README, "Staff accounts")
{
    return;
}

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();           // per-network limits (staff sign-in)
app.MapHealthEndpoints();       // /health/live, /health/ready
app.MapChannels();              // /api/messages ...
app.MapStaffApi();              // /api/cases, /openapi/v1.json
app.MapOpen311Server();         // /open311/v2/discovery, services, requests, tokens, servicerequestupdates (.json/.xml)
app.MapSandbox();               // /sandbox in Development; 404 elsewhere (before MapSite's static files)
app.MapPublicRequests();        // /requests, /requests/{ticket}, /requests.geojson, /requests/map/*.geojson
app.MapSite();                  // /, static files (wwwroot/site, wwwroot/lib)

await app.RunAsync();

/// <summary>The entry point, visible to integration tests (WebApplicationFactory).</summary>
public partial class Program;
