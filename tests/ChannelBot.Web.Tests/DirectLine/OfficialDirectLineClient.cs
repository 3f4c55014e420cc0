using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ChannelBot.Web.Tests.DirectLine;

/// <summary>
/// Runs node/intake.js, a pothole report filed with the official <c>botframework-directlinejs</c> client (pinned in
/// node/package-lock.json, installed by node/install.sh on first use). Node.js is a prerequisite: without it the tests
/// that use this fail, they are never skipped.
/// </summary>
internal static class OfficialDirectLineClient
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly string NodeDirectory = Path.Combine(SourceDirectory(), "node");

    /// <summary>Files the report against <paramref name="baseAddress"/> (<c>websocket</c> or <c>polling</c>); its exit code, stdout (one JSON line) and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunIntakeAsync(string baseAddress, string mode)
    {
        await EnsureInstalledAsync();
        return await ExecAsync("node", ["intake.js", baseAddress, mode]);
    }

    private static async Task EnsureInstalledAsync()
    {
        var marker = Path.Combine(NodeDirectory, "node_modules", "botframework-directlinejs", "package.json");
        if (File.Exists(marker))
        {
            return;
        }

        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(marker))
            {
                var (exitCode, output, error) = await ExecAsync("bash", [Path.Combine(NodeDirectory, "install.sh")]);
                Assert.True(exitCode == 0, $"node/install.sh could not install botframework-directlinejs ({exitCode}): {output} {error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> ExecAsync(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = NodeDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
