using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// The app as a process of its own (the ChannelBot.Web.dll built beside the tests), on one loopback port across
/// restarts, started with only the settings it is given (no environment variables of the machine) so that a test can
/// kill it as the operating system would (<c>kill -9</c>) and start it again.
/// </summary>
internal sealed class AppProcess(IReadOnlyDictionary<string, string> settings) : IDisposable
{
    private readonly int _port = FreePort();
    private readonly Queue<string> _lastLines = new();
    private Process? _process;

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    /// <summary>The last lines the current (or last) process wrote, for a failure message.</summary>
    public string LastLines
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join(Environment.NewLine, _lastLines);
            }
        }
    }

    /// <summary>Starts the process and waits until it is ready (<c>/health/ready</c>).</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChannelBot.Web.dll"));
        start.ArgumentList.Add("--contentRoot=" + Path.GetFullPath(Path.Combine(RepositoryDialogs.Path, "..", "src", "ChannelBot.Web")));
        start.ArgumentList.Add("--environment=Testing");
        start.ArgumentList.Add("--urls=" + BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        // Only what the runtime needs to start: nothing of the machine's configuration reaches the app.
        var keep = new[] { "PATH", "HOME", "DOTNET_ROOT", "DOTNET_CLI_HOME", "TMPDIR", "DOTNET_NOLOGO" };
        foreach (var name in start.Environment.Keys.Where(name => !keep.Contains(name, StringComparer.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync(_process);
    }

    /// <summary>Kills the process at once, as <c>kill -9</c> does: no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }

    private async Task WaitUntilReadyAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            Assert.False(process.HasExited, "The app exited while starting:" + Environment.NewLine + LastLines);
            Assert.True(DateTime.UtcNow < deadline, "The app was not ready within 2 minutes:" + Environment.NewLine + LastLines);
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
