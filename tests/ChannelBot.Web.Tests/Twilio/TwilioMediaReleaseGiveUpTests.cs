using ChannelBot.Web.Tests.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>
/// A delete at Twilio that keeps failing is tried ten times, each at a later sweep, then given up: the photo's row
/// keeps the count and the last reason, a warning names the case and the photo (the app logs warnings and above
/// here, so the warning's presence is its level), and later sweeps never try it again.
/// </summary>
[Collection(LogCaptureCollection.Name)]
public sealed class TwilioMediaReleaseGiveUpTests : IDisposable
{
    private const int Tries = 10;

    private readonly DirectoryInfo _photos = Directory.CreateTempSubdirectory("channelbot-photos-");
    private readonly CapturedLogs _logs = new();

    public void Dispose() => _photos.Delete(recursive: true);

    [Fact]
    public async Task A_delete_that_keeps_failing_is_given_up_after_ten_tries_with_a_warning()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.FromHours(-5)));
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        var photo = new TwilioMedia(twilio, "ME0123456789abcdef0123456789abcdef");
        photo.FailDeletes();
        var settings = twilio.Settings;
        settings["Photos:Path"] = _photos.FullName;
        settings.WithLoopbackMedia();
        settings["Photos:SweepInterval"] = "00:00:00.200";
        await using var app = ChannelBotApp.Start(storage, settings, services => services
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<ILogEventSink>(_logs));
        using var http = app.CreateHttpClient();
        var ticket = await photo.ReportAsync(new SmsPhone(http, twilio, "+15555550321"));

        for (var tries = 1; tries <= Tries; tries++)
        {
            await photo.WaitForDeletesAsync(tries);
            await PhotoReleaseRow.WaitForAsync(app.Services, photo.Url, r => r.Attempts == tries);
            if (tries < Tries)
            {
                Assert.DoesNotContain(_logs.Events, e => e.Contains("could not be deleted", StringComparison.Ordinal));
            }

            clock.Advance(TimeSpan.FromDays(1));
        }

        var row = await PhotoReleaseRow.ReadAsync(app.Services, photo.Url);
        Assert.NotNull(row);
        Assert.Null(row.ReleasedAt);
        Assert.Contains("Twilio answered 500", row.Failure, StringComparison.Ordinal);
        var warning = Assert.Single(_logs.Events, e => e.Contains("could not be deleted after", StringComparison.Ordinal));
        Assert.Contains(ticket, warning, StringComparison.Ordinal);
        Assert.Contains($"after {Tries} tries", warning, StringComparison.Ordinal);

        // Later sweeps leave it: another report's photo is deleted after it, and the first gets no eleventh try.
        var later = new TwilioMedia(twilio, "ME0123456789abcdef0123456789abcde2");
        later.AcceptDeletes();
        await later.ReportAsync(new SmsPhone(http, twilio, "+15555550322"));
        Assert.Equal([204], await later.WaitForDeletesAsync(1));
        Assert.Equal(Enumerable.Repeat(500, Tries), photo.Deletes);
    }
}
