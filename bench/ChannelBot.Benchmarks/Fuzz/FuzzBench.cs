using System.Diagnostics;
using System.Globalization;
using ChannelBot.Benchmarks.Engine;
using ChannelBot.Benchmarks.Load;
using ChannelBot.Testing.Fuzz;

namespace ChannelBot.Benchmarks.Fuzz;

/// <summary>
/// <c>fuzz [--count 10000] [--seed 311]</c>: the hostile-input run of the test suite (tests/ChannelBot.Web.Tests/Fuzz)
/// at full size against the real app on a fresh SQLite file, Twilio, Meta, web chat and the staff API configured (their
/// providers on a closed local port: replies simply fail and wait for retries). Prints the answers by status, every
/// 5xx, and the legitimate messages answered; exits 1 if any answer was a 5xx, a resident went unanswered or the app
/// was not ready at the end.
/// </summary>
public static class FuzzBench
{
    private const string TwilioToken = "fuzz-bench-twilio-token";
    private const string TwilioSid = "AC0000000000000000000000000000beec";
    private const string TwilioPublic = "https://311.fuzz.example";
    private const string MetaSecret = "fuzz-bench-meta-secret";
    private const string StaffKey = "fuzz-bench-operator-key-0123456789abcdef";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = Option(args, "--count", 10_000);
        var seed = Option(args, "--seed", 311);
        var folder = Directory.CreateTempSubdirectory("channelbot-fuzz-bench-");
        await using var storage = await BenchStorage.CreateAsync(BenchStorage.Sqlite);
        await using var app = BotApp.Start(storage, RepositoryDialogs.Path, new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = TwilioSid,
            ["Twilio:AuthToken"] = TwilioToken,
            ["Twilio:PublicBaseUrl"] = TwilioPublic,
            ["Twilio:From"] = "+15555550111",
            ["Twilio:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["Meta:AppSecret"] = MetaSecret,
            ["Meta:VerifyToken"] = "fuzz-bench-verify",
            ["Meta:PageAccessToken"] = "fuzz-bench-page-token",
            ["Meta:PageId"] = "104700000000001",
            ["Meta:GraphBaseUrl"] = "http://127.0.0.1:9",
            ["DirectLine:TokenSigningKey"] = "ZnV6ei1iZW5jaC1zaWduaW5nLWtleS1mb3ItZGlyZWN0LWxpbmUtMDEyMzQ1Njc4OQ==",
            ["DirectLine:UploadPath"] = Path.Combine(folder.FullName, "uploads"),
            ["DirectLine:PostBurst"] = "1000000",
            ["DirectLine:PostsPerMinute"] = "1000000",
            ["Photos:Path"] = Path.Combine(folder.FullName, "photos"),
            ["Staff:ApiKeys:0:Name"] = "Fuzz",
            ["Staff:ApiKeys:0:Key"] = StaffKey,
            ["Staff:ApiKeys:0:Role"] = "operator",
            ["Staff:SignIn:AttemptsPerMinutePerNetwork"] = "1000000",
        });
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var targets = new FuzzTargets(TwilioToken, TwilioPublic, TwilioSid, MetaSecret, StaffKey, "http://127.0.0.1:9/");
        var clock = Stopwatch.StartNew();

        var result = await FuzzRun.RunAsync(http, targets, seed, count, legitimateEvery: 100, ticket: "311-2026-000001");

        Console.WriteLine(result.Summary);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} requests in {clock.Elapsed.TotalSeconds:F0} s (seed {seed})"));
        foreach (var error in result.ServerErrors.Take(50))
        {
            Console.WriteLine(error);
        }

        folder.Delete(recursive: true);
        return result.ServerErrors.Count == 0 && result.LegitimateUnanswered == 0 && result.ReadyAtTheEnd ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
