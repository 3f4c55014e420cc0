using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// Duplicates at intake: once the service and a point are known, open cases of that service nearby are looked for
/// (the service's <see cref="Definitions.DuplicatePolicy"/>); the nearest is offered to follow instead ("Is it this
/// one? ... Reply 1 to follow it, 2 to file a new report"). Following files the report as that case's duplicate, so
/// the resident hears its updates on their own channel.
/// </summary>
internal static class NearbyReports
{
    private const string FollowKey = "1";
    private const string NewKey = "2";

    /// <summary>Asks for the open cases nearby when it is time to (once per intake); true when the turn now waits for them.</summary>
    public static bool Look(Turn turn, IntakeContext intake)
    {
        var draft = intake.Draft;
        if (draft.NearbyChecked || draft.Reviewing || intake.Service is not { } service
            || draft.Location is not { Latitude: { } latitude, Longitude: { } longitude })
        {
            return false;
        }

        draft.NearbyChecked = true;
        var policy = service.Duplicates;
        if (policy.RadiusMetres <= 0)
        {
            return false;
        }

        turn.State.Pending = PendingEffect.FindNearbyCases;
        turn.Effect = new FindNearbyCases(service.Code, latitude, longitude, policy.RadiusMetres, turn.Now - TimeSpan.FromDays(policy.Days));
        return true;
    }

    public static void Offer(Turn turn, IntakeContext intake, NearbyCase found)
    {
        intake.Draft.NearbyOffer = new NearbyOffer { Ticket = found.Ticket, Status = found.Status, ReportedAt = found.ReportedAt, Address = found.Address };
        Ask(turn, intake.Draft.NearbyOffer);
    }

    public static void Ask(Turn turn, NearbyOffer offer)
    {
        var days = (int)Math.Floor((turn.CityNow.Date - TimeZoneInfo.ConvertTime(offer.ReportedAt, turn.Resources.CityTimeZone).Date).TotalDays);
        var ago = days switch
        {
            <= 0 => turn.T("nearby.today"),
            1 => turn.T("nearby.yesterday"),
            _ => turn.T("nearby.daysAgo", ("count", days.ToString(turn.Culture))),
        };
        var at = offer.Address is { Length: > 0 } place ? turn.T("nearby.at", ("place", place)) : "";
        turn.Ask(turn.T("nearby.offer", ("ticket", offer.Ticket), ("at", at), ("ago", ago), ("status", turn.T("status." + offer.Status))), Choices(turn));
    }

    private static List<Rendering.Choice> Choices(Turn turn) =>
        [new(FollowKey, turn.T("nearby.follow")), new(NewKey, turn.T("nearby.new"))];

    /// <summary>True: follow the case; false: file a new report; null: neither was said.</summary>
    public static bool? Reply(Turn turn)
    {
        return ChoiceRecognizer.RecognizeOne(turn.Text, PreparedChoices.From(Choices(turn)).Set, turn.Language)?.Key switch
        {
            FollowKey => true,
            NewKey => false,
            _ => turn.YesOrNo(),
        };
    }
}
