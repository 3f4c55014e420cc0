using System.Text.Json.Nodes;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Web.Tests.Chaos;

/// <summary>What a chaos run asserts at the fakes and in the database once every resident is done.</summary>
internal static class ChaosChecks
{
    /// <summary>
    /// Every resident of one channel, having sent the same words, received the same answers in the same order
    /// (tickets masked), <paramref name="answers"/> of them when given: nothing lost, doubled or reordered.
    /// </summary>
    public static void SameConversation<T>(List<T> residents, int? answers = null)
        where T : ChaosResident
    {
        foreach (var resident in residents)
        {
            if (answers is { } count)
            {
                Assert.True(resident.Received.Count == count, $"{resident.Name} received {resident.Received.Count} answers, not {count}: {string.Join(" | ", resident.Received)}");
            }

            Assert.Equal(residents[0].Received, resident.Received);
        }
    }

    /// <summary>
    /// The Connector cannot be asked whether a message arrived: one sent but not yet recorded when the process died
    /// comes twice (ADR 0015). Never lost, never out of order; returns how many came twice.
    /// </summary>
    public static int ConnectorDoubled(List<ConnectorResident> residents)
    {
        var doubled = 0;
        foreach (var resident in residents)
        {
            var answers = resident.Received.Distinct().ToList();
            doubled += resident.Received.Count - answers.Count;
            Assert.Equal(Enumerable.Range(0, Conversations.PotholeScript.Texts.Length).Select(i => $"{resident.Name}-{i}"), answers.Select(a => a[..a.IndexOf(':', StringComparison.Ordinal)]).Distinct());
        }

        return doubled;
    }

    /// <summary>
    /// Messenger: the Send API takes no idempotency key and lists nothing, so a row taken over from a killed process
    /// may go twice (ADR 0015). Every message row the app sent reached the resident, in the order the rows were
    /// written (the resident's texts hold the rows' texts as a subsequence); returns how many arrived beyond that.
    /// </summary>
    public static async Task<int> MessengerDoubledAsync(TestStorage storage, List<MessengerChaosResident> residents)
    {
        if (residents.Count == 0)
        {
            return 0;
        }

        await using var db = storage.Open();
        var rows = await db.OutboxMessages.AsNoTracking().Where(o => o.ChannelId == "facebook").OrderBy(o => o.Id)
            .Select(o => new { o.ConversationKey, o.ActivityJson, o.Status }).ToListAsync();
        var doubled = 0;
        foreach (var resident in residents)
        {
            var texts = rows.Where(row => row.ConversationKey.EndsWith(resident.Name, StringComparison.Ordinal))
                .Select(row => (Row: row, Activity: JsonNode.Parse(row.ActivityJson)!.AsObject()))
                .Where(row => (string?)row.Activity["type"] == "message")
                .Select(row =>
                {
                    Assert.True(row.Row.Status == OutboxStatus.Sent, $"{resident.Name}: a row is {row.Row.Status}: {row.Row.ActivityJson}");
                    var text = ((string?)row.Activity["text"])?.Trim() ?? "[";
                    return System.Text.RegularExpressions.Regex.Replace(text, @"311-\d{4}-\d{6}", "311-####-######");   // as the resident's texts
                })
                .ToList();
            var received = resident.Received;
            var at = 0;
            foreach (var text in texts)
            {
                while (at < received.Count && !received[at].StartsWith(text, StringComparison.Ordinal))
                {
                    at++;
                }

                Assert.True(at < received.Count, $"{resident.Name}: '{text}' was not received (or not in order); received: {string.Join(" | ", received)}");
                at++;
            }

            Assert.True(texts.Count >= Conversations.PotholeScript.Texts.Length, $"{resident.Name}: only {texts.Count} answers were written.");
            doubled += received.Count - texts.Count;
        }

        return doubled;
    }

    /// <summary>One case per resident on every channel, none filed twice.</summary>
    public static async Task OneCaseEachAsync(TestStorage storage, ChaosPlan plan)
    {
        await using var db = storage.Open();
        var filed = await db.Cases.Select(c => c.ConversationKey).ToListAsync();
        foreach (var (channel, residents) in new[] { ("sms", plan.Sms), ("whatsapp", plan.WhatsApp), ("emulator", plan.Connector), ("facebook", plan.Messenger), ("directline", plan.WebChat) })
        {
            var count = filed.Count(key => key.StartsWith(channel + "/", StringComparison.Ordinal));
            Assert.True(count == residents, $"{channel}: {count} cases for {residents} residents: {string.Join(", ", filed)}");
        }

        Assert.Equal(filed.Count, filed.Distinct().Count());
    }
}
