using System.Collections.Concurrent;
using System.Net;

namespace ChannelBot.Testing.Fuzz;

/// <summary>
/// Sends <c>count</c> hostile requests (<see cref="HostileRequests"/>) to a running app, a few at a time, and every
/// <c>legitimateEvery</c> of them has a real web chat resident ask for help and wait for the answer; at the end asks
/// <c>/health/ready</c>. Bounded in count; each legitimate wait is bounded in time.
/// </summary>
public static class FuzzRun
{
    private const int InFlight = 4;

    /// <summary>Bodies this large are over every ingress's limit (the largest, a web chat upload, is 12 MB).</summary>
    private const long OversizedBody = 12 * 1024 * 1024;

    public static async Task<FuzzResult> RunAsync(HttpClient http, FuzzTargets targets, int seed, int count, int legitimateEvery, string ticket)
    {
        ArgumentNullException.ThrowIfNull(http);
        var resident = await WebChatResident.StartAsync(http);
        var requests = new HostileRequests(targets, seed) { WebChat = (resident.ConversationId, resident.Token), Ticket = ticket };
        var statuses = new ConcurrentDictionary<int, int>();
        var errors = new ConcurrentQueue<string>();
        int legitimate = 0, unanswered = 0;
        using var slots = new SemaphoreSlim(InFlight);
        var pending = new List<Task>();
        for (var i = 1; i <= count; i++)
        {
            var hostile = requests.Next();
            await slots.WaitAsync();
            pending.Add(SendAsync(http, hostile, statuses, errors, slots));
            if (i % legitimateEvery == 0)
            {
                legitimate++;
                if (!await resident.IsAnsweredAsync("help"))
                {
                    unanswered++;
                }
            }
        }

        await Task.WhenAll(pending);
        legitimate++;
        if (!await resident.IsAnsweredAsync("help"))
        {
            unanswered++;
        }

        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return new FuzzResult(count, new Dictionary<int, int>(statuses), [.. errors], legitimate, unanswered, ready.StatusCode == HttpStatusCode.OK);
    }

    private static async Task SendAsync(HttpClient http, HostileRequest hostile, ConcurrentDictionary<int, int> statuses, ConcurrentQueue<string> errors, SemaphoreSlim slots)
    {
        long length = 0;
        try
        {
            using var request = hostile.Build();
            length = request.Content?.Headers.ContentLength ?? 0;
            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status >= 500)
            {
                var sent = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync();
                errors.Enqueue($"{hostile.Kind} {request.Method} {request.RequestUri}: {status}, sent: {sent[..Math.Min(400, sent.Length)]}");
            }
        }
        catch (HttpRequestException) when (length > OversizedBody)
        {
            // The server stopped reading a body far over its limit (it answers 413 and closes): the client's send
            // fails before it can read that answer. A refusal, not a failure.
            statuses.AddOrUpdate(413, 1, (_, n) => n + 1);
        }
        catch (HttpRequestException exception)
        {
            // The server reset the connection instead of answering: as bad as a 5xx.
            statuses.AddOrUpdate(-1, 1, (_, n) => n + 1);
            errors.Enqueue($"{hostile.Kind}: no answer ({exception.Message})");
        }
        finally
        {
            slots.Release();
        }
    }
}
