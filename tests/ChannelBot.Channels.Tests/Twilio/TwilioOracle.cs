using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>
/// The official <c>twilio</c> npm package (pinned in node/package.json), run through node/oracle.js. It is
/// installed by node/install.sh, which ./test.sh calls; when it is missing the oracle runs the script itself.
/// Node.js is a prerequisite of the repository: without it these tests fail, they are never skipped.
/// </summary>
public static class TwilioOracle
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Directory { get; } = Path.Combine(SourceDirectory(), "node");

    public static async Task<string> SignAsync(string token, string url, IEnumerable<KeyValuePair<string, string>> parameters) =>
        (await RunAsync([Sign(token, url, parameters)]))[0]!["signature"]!.GetValue<string>();

    public static async Task<string> BodyHashAsync(string body) =>
        (await RunAsync([new JsonObject { ["op"] = "bodyHash", ["body"] = body }]))[0]!["hash"]!.GetValue<string>();

    public static JsonObject Sign(string token, string url, IEnumerable<KeyValuePair<string, string>> parameters) =>
        new() { ["op"] = "sign", ["token"] = token, ["url"] = url, ["params"] = Pairs(parameters) };

    public static JsonObject Validate(string token, string signature, string url, IEnumerable<KeyValuePair<string, string>> parameters) =>
        new() { ["op"] = "validate", ["token"] = token, ["signature"] = signature, ["url"] = url, ["params"] = Pairs(parameters) };

    public static JsonObject ValidateWithBody(string token, string signature, string url, string body) =>
        new() { ["op"] = "validateWithBody", ["token"] = token, ["signature"] = signature, ["url"] = url, ["body"] = body };

    /// <summary>Runs a batch of requests through one node process; the answers come back in order.</summary>
    public static async Task<JsonArray> RunAsync(IReadOnlyList<JsonObject> requests)
    {
        await EnsureInstalledAsync();
        var input = new JsonArray([.. requests]).ToJsonString();
        var (exitCode, output, error) = await ExecAsync("node", ["oracle.js"], input);
        Assert.True(exitCode == 0, $"node oracle.js failed ({exitCode}): {error}");
        var answers = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(requests.Count, answers.Count);
        return answers;
    }

    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists(Path.Combine(Directory, "node_modules", "twilio", "package.json")))
        {
            return;
        }

        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(Directory, "node_modules", "twilio", "package.json")))
            {
                var (exitCode, output, error) = await ExecAsync("bash", [Path.Combine(Directory, "install.sh")], null);
                Assert.True(exitCode == 0, $"{Path.Combine(Directory, "install.sh")} could not install the twilio npm package ({exitCode}): {output} {error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> ExecAsync(string fileName, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static JsonArray Pairs(IEnumerable<KeyValuePair<string, string>> parameters) =>
        new([.. parameters.Select(p => (JsonNode)new JsonArray(p.Key, p.Value))]);

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
