using System.Net;
using ChannelBot.Channels.Twilio;
using ChannelBot.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>
/// Twilio gets its answer (200, empty TwiML) as soon as the message is stored, whatever the dialog is doing: with the
/// turn worker held at a gate, two residents' texts are acknowledged and stored unprocessed; once the gate opens each
/// gets exactly one answer. No clock is involved: the answers arrive while the worker is provably still held.
/// </summary>
public sealed class WebhookWhileTheWorkerIsStalledTests
{
    [Fact]
    public async Task The_webhook_answers_and_stores_while_the_dialog_worker_is_stalled_and_the_message_is_processed_once_after()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        GatedDialogEngineSource? gate = null;
        await using var app = ChannelBotApp.Start(storage, twilio.Settings, services => GatedDialogEngineSource.Install(services, g => gate = g));
        using var http = app.CreateHttpClient();
        Assert.NotNull(gate);
        gate.Close();

        var first = await PostAsync(http, "+15555550321", "SM" + new string('1', 32), "there is a big pothole");
        await gate.Held.WaitAsync(TimeSpan.FromSeconds(60));
        var second = await PostAsync(http, "+15555550322", "SM" + new string('2', 32), "streetlight out");

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal("text/xml", response.ContentType);
            Assert.Equal(TwilioResponses.EmptyTwiml, response.Body);
        }

        var whileHeld = await ProcessedAsync(storage, "SM" + new string('1', 32), "SM" + new string('2', 32));
        Assert.Equal(new[] { false, false }, whileHeld);
        Assert.Empty(twilio.ReceivedBy("+15555550321"));

        gate.Open();
        var answer = await new SmsPhone(http, twilio, "+15555550321").WaitForTextAsync(1);
        await new SmsPhone(http, twilio, "+15555550322").WaitForTextAsync(1);

        Assert.Contains("Pothole", answer, StringComparison.Ordinal);
        var afterwards = await ProcessedAsync(storage, "SM" + new string('1', 32), "SM" + new string('2', 32));
        Assert.Equal(new[] { true, true }, afterwards);
        Assert.Single(twilio.ReceivedBy("+15555550321"));
        Assert.Single(twilio.ReceivedBy("+15555550322"));
    }

    private static async Task<(HttpStatusCode Status, string? ContentType, string Body)> PostAsync(HttpClient http, string from, string sid, string body)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", sid),
            new("AccountSid", FakeTwilio.AccountSid),
            new("From", from),
            new("To", FakeTwilio.CityNumber),
            new("Body", body),
            new("NumMedia", "0"),
        };
        var signature = TwilioSignature.Compute(FakeTwilio.AuthToken, FakeTwilio.PublicBaseUrl + TwilioRoutes.MessagesPath, fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioRoutes.MessagesPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, signature);

        // Held by the gate, an answer that waited for the dialog would never come: the cap turns that into a failure.
        using var response = await http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(60));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Whether each message is stored and processed (its turn done); fails when one is not stored at all.</summary>
    private static async Task<bool[]> ProcessedAsync(TestStorage storage, params string[] sids)
    {
        await using var connection = new SqliteConnection(storage.ConnectionString);
        await connection.OpenAsync();
        var processed = new bool[sids.Length];
        for (var i = 0; i < sids.Length; i++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "ProcessedAt" IS NOT NULL FROM "InboundActivities" WHERE "ActivityId" = $id""";
            command.Parameters.AddWithValue("$id", sids[i]);
            var value = await command.ExecuteScalarAsync();
            Assert.True(value is not null, $"Message {sids[i]} was acknowledged but not stored.");
            processed[i] = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 1;
        }

        return processed;
    }
}
