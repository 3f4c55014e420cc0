using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>
/// A resident's MMS photo is deleted at Twilio even when the delete failed and the app restarted before the next
/// try: what is still to delete is in the database, not in memory. The app's clock is a FakeTimeProvider, so the
/// first app cannot try again on its own; the second starts an hour later on the same database. On SQLite and
/// on PostgreSQL.
/// </summary>
public sealed class TwilioMediaReleaseRestartTests : IDisposable
{
    private readonly DirectoryInfo _photos = Directory.CreateTempSubdirectory("channelbot-photos-");

    public void Dispose() => _photos.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_delete_at_twilio_that_failed_before_a_restart_happens_after_it_and_only_once(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.FromHours(-5)));
        await using var storage = await TestStorage.CreateAsync(provider);
        using var twilio = new FakeTwilio();
        var photo = new TwilioMedia(twilio, "ME0123456789abcdef0123456789abcdef");
        photo.FailDeletes();

        await using (var first = Start(storage, twilio, clock))
        {
            using var http = first.CreateHttpClient();
            await photo.ReportAsync(new SmsPhone(http, twilio, "+15555550311"));
            Assert.Equal([500], await photo.WaitForDeletesAsync(1));
            var failed = await PhotoReleaseRow.WaitForAsync(first.Services, photo.Url, r => r.Attempts == 1);
            Assert.Equal("Stored", failed.Status);
            Assert.Null(failed.ReleasedAt);
            Assert.Contains("500", failed.Failure, StringComparison.Ordinal);
        }

        photo.AcceptDeletes();
        clock.Advance(TimeSpan.FromHours(1));
        await using var second = Start(storage, twilio, clock);
        Assert.Equal([500, 204], await photo.WaitForDeletesAsync(2));
        var released = await PhotoReleaseRow.WaitForAsync(second.Services, photo.Url, r => r.ReleasedAt is not null);
        Assert.Equal(clock.GetUtcNow(), released.ReleasedAt);

        // Later sweeps leave it alone: another report's photo is deleted after it, and the first is not deleted again.
        clock.Advance(TimeSpan.FromDays(1));
        var later = new TwilioMedia(twilio, "ME0123456789abcdef0123456789abcde2");
        later.AcceptDeletes();
        using var secondHttp = second.CreateHttpClient();
        await later.ReportAsync(new SmsPhone(secondHttp, twilio, "+15555550312"));
        Assert.Equal([204], await later.WaitForDeletesAsync(1));
        Assert.Equal([500, 204], photo.Deletes);
    }

    private ChannelBotApp Start(TestStorage storage, FakeTwilio twilio, FakeTimeProvider clock)
    {
        var settings = twilio.Settings;
        settings["Photos:Path"] = _photos.FullName;
        settings.WithLoopbackMedia();
        settings["Photos:SweepInterval"] = "00:00:00.200";
        return ChannelBotApp.Start(storage, settings, services => services.AddSingleton<TimeProvider>(clock));
    }
}
