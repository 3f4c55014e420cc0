using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChannelBot.Domain.Cases;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Public;

/// <summary>
/// axe-core 4.14.1 (node/package-lock.json, installed by node/install.sh) run in Chromium on the public pages, the map
/// drawn: the list in English and in Spanish with a filter, a ticket page with its history, description and map, an
/// empty result and an unknown ticket. No serious or critical violation (WCAG 2.0/2.1 A and AA rules and axe's best
/// practices).
/// </summary>
public sealed class PublicRequestsAccessibilityTests(PublicRequestsBrowserFixture fixture) : IClassFixture<PublicRequestsBrowserFixture>
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly string NodeDirectory = Path.Combine(SourceDirectory(), "node");

    [Fact]
    public async Task The_list_a_ticket_page_and_the_spanish_page_have_no_serious_or_critical_accessibility_violation()
    {
        var axe = await AxeSourceAsync();
        var pothole = await PublicCases.FileAsync(fixture.Services, PublicCase.Pothole("1231 N Main St", "A deep hole in the right lane.", descriptionPublic: true) with
        {
            Moves = [(CaseStatus.Scheduled, PublicPrivacy.StaffName, "Scheduled for Thursday.", PublicPrivacy.InternalNote)],
        });
        await PublicCases.FileAsync(fixture.Services, PublicCase.Graffiti("1351 State St", "Tags.") with { Moves = [(CaseStatus.Fixed, PublicPrivacy.StaffName, null, null)] });
        await PublicCases.FileAsync(fixture.Services, PublicCase.Streetlight("Somewhere behind the old mill", "Dark.") with { Typed = true });
        await using var screen = await PublicRequestsScreen.OpenAsync(fixture);
        var page = screen.Page;
        var found = new List<string>();

        foreach (var (path, map) in new[]
        {
            ("/requests", true),
            ("/requests?lang=es&status=open", true),
            ($"/requests/{pothole.Ticket}", true),
            ("/requests?service=DEADANML&period=7", false),
            ("/requests/311-2026-999999", false),   // last: its 404 is the one error the page may log
        })
        {
            if (path.EndsWith("999999", StringComparison.Ordinal))
            {
                screen.AssertNoErrors();
            }

            await page.GotoAsync(path);
            if (map)
            {
                await Expect(page.Locator("#requests-map .leaflet-marker-icon").First).ToBeVisibleAsync();
            }

            found.AddRange(await ViolationsAsync(page, axe, path));
        }

        Assert.True(found.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', found));
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string axe, string path)
    {
        // Evaluated through the DevTools protocol, so the page's Content-Security-Policy (no inline script) stays as served.
        await page.EvaluateAsync(axe);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                resultTypes: ['violations'],
              });
              return {
                passed: results.passes.length,
                violations: results.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary),
                })),
              };
            }
            """);
        Assert.True(violations.GetProperty("passed").GetInt32() > 10, $"axe checked almost nothing on {path}: is it loaded?");
        return violations.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{path}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()}: "
                + string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))
            .ToList();
    }

    private static async Task<string> AxeSourceAsync()
    {
        var file = Path.Combine(NodeDirectory, "node_modules", "axe-core", "axe.min.js");
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(file))
            {
                using var install = Process.Start(new ProcessStartInfo("bash", Path.Combine(NodeDirectory, "install.sh"))
                {
                    WorkingDirectory = NodeDirectory,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                }) ?? throw new InvalidOperationException("bash could not be started.");
                var output = install.StandardOutput.ReadToEndAsync();
                var error = install.StandardError.ReadToEndAsync();
                await install.WaitForExitAsync();
                Assert.True(install.ExitCode == 0, $"node/install.sh could not install axe-core ({install.ExitCode}): {await output} {await error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return await File.ReadAllTextAsync(file);
    }

    private static string SourceDirectory([CallerFilePath] string sourceFile = "") => Path.GetDirectoryName(sourceFile)!;
}
