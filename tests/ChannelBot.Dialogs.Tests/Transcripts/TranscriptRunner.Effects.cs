using System.Globalization;
using System.Text;
using System.Text.Json;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Loading;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.Runtime.Handoff;
using ChannelBot.Dialogs.State;
using ChannelBot.Dialogs.Tests.Support;
using ChannelBot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Dialogs.Tests.Transcripts;

/// <summary>What the transcript's world does for the engine: file a case, look one up, find nearby cases, keep the place in line.</summary>
public sealed partial class TranscriptRunner
{
    private TurnResult Handoff(ConversationState state, string what)
    {
        _handoffs.Add(what.Split(' ')[0]);
        _log.AppendLine(CultureInfo.InvariantCulture, $"== handoff {what}");
        return new TurnResult([], state, null);
    }

    private TurnResult Submit(ConversationState state, Activity activity, SubmitCase submit)
    {
        Submissions.Add(submit.Submission);
        // Numbers run from 000123 like the city's own, skipping those of the transcript's existing cases.
        string ticket;
        do
        {
            ticket = $"311-{_clock.GetUtcNow().Year}-{++_sequence + 122:000000}";
        }
        while (_transcript.Cases.Exists(c => c.Ticket == ticket));

        _log.AppendLine(CultureInfo.InvariantCulture, $"== case {ticket} filed");
        return _engine.OnCaseSubmitted(state, activity, new CaseReceipt(ticket));
    }

    private TurnResult LookUp(ConversationState state, Activity activity, LookUpCase lookUp)
    {
        _lookups.Add(lookUp.Ticket);
        var known = _transcript.Cases.FirstOrDefault(c => c.Ticket == lookUp.Ticket);
        _log.AppendLine(CultureInfo.InvariantCulture, $"== look up {lookUp.Ticket}: {(known is null ? "not found" : known.Status)}");
        var lookup = known is null
            ? new CaseLookup(lookUp.Ticket, Found: false)
            : new CaseLookup(known.Ticket, true, known.Service, known.Status, _transcript.Now, known.Note, known.Address, known.Mine);
        return _engine.OnCaseLookedUp(state, activity, lookup);
    }

    /// <summary>The transcript's open cases of the service with a point within the radius, filed since the date, nearest first.</summary>
    private TurnResult Nearby(ConversationState state, Activity activity, FindNearbyCases nearby)
    {
        var found = _transcript.Cases
            .Where(c => c.Service == nearby.ServiceCode && c.Status is not ("fixed" or "closed") && c.Point is [_, _])
            .Select(c => (Case: c, Metres: new ChannelBot.Geo.Data.GeoPosition(c.Point![0], c.Point[1]).MetresTo(new(nearby.Latitude, nearby.Longitude)), Reported: _transcript.Now.AddDays(-c.DaysAgo)))
            .Where(x => x.Metres <= nearby.RadiusMetres && x.Reported >= nearby.Since)
            .OrderBy(x => x.Metres)
            .Select(x => new NearbyCase(x.Case.Ticket, x.Case.Status, x.Reported, x.Case.Address, x.Metres))
            .ToList();
        _log.AppendLine(CultureInfo.InvariantCulture, $"== nearby {nearby.ServiceCode} within {nearby.RadiusMetres} m: {string.Join(", ", found.Select(f => $"{f.Ticket} ({f.DistanceMetres:F0} m)"))}");
        return _engine.OnNearbyCasesFound(state, activity, found);
    }
}
