using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Playwright;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// axe-core 4.14.1 (Public/node/package-lock.json, installed by Public/node/install.sh when missing) run in Chromium on
/// a page: the violations of the WCAG 2.0/2.1 A and AA rules and axe's best practices (the serious and critical ones, or
/// all of them whatever their impact).
/// </summary>
public static class AxeCore
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly string NodeDirectory = Path.Combine(Path.GetDirectoryName(SourceDirectory())!, "Public", "node");

    /// <summary>axe.min.js, installed first if it is not there yet.</summary>
    public static async Task<string> SourceAsync()
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

    /// <summary>The serious and critical violations on the page as it is now, one line each, named after <paramref name="where"/>.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string axe, string where) =>
        await ViolationsAsync(page, axe, where, ["serious", "critical"]);

    /// <summary>Every violation on the page as it is now (minor and moderate too), one line each, named after <paramref name="where"/>.</summary>
    public static async Task<IReadOnlyList<string>> AllViolationsAsync(IPage page, string axe, string where) =>
        await ViolationsAsync(page, axe, where, ["minor", "moderate", "serious", "critical"]);

    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string axe, string where, string[] impacts)
    {
        ArgumentNullException.ThrowIfNull(page);

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
        Assert.True(violations.GetProperty("passed").GetInt32() > 10, $"axe checked almost nothing on {where}: is it loaded?");
        return violations.GetProperty("violations").EnumerateArray()
            .Where(v => impacts.Contains(v.GetProperty("impact").GetString()))
            .Select(v => $"{where}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()}: "
                + string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))
            .ToList();
    }

    private static string SourceDirectory([CallerFilePath] string sourceFile = "") => Path.GetDirectoryName(sourceFile)!;
}
