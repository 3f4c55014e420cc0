using System.Globalization;
using System.Text;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Web.Intake;

namespace ChannelBot.Web.Open311;

/// <summary>
/// When two POST requests from one api_key are one report, so the second answers the first's service_request_id
/// instead of filing again (ADR 0011, update). With an <c>Idempotency-Key</c>: the same key, at any time (as for a
/// call taker's report). Without one (FixMyStreet sends none): the same service, place, description, answers and
/// contact, within <see cref="Open311Options.SameRequestWindow"/> of the case filed first. Either way the report
/// becomes the case's conversation id (<see cref="IntakeIdempotency"/>), which the filer checks inside the filing
/// transaction, so two identical POSTs at once file one case.
/// </summary>
/// <param name="FiledSince">Only a case filed from the conversation since then is the same report; null: any.</param>
internal sealed record SameRequest(string ConversationId, DateTimeOffset? FiledSince)
{
    public const string ConversationPrefix = "open311-";

    /// <summary>The longest window a city may set: past a day a repeat is a new report, not a retry.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <param name="key">The client's Idempotency-Key, checked well formed; null when it sent none.</param>
    public static SameRequest For(string caller, string? key, IntakeSubmission report, TimeSpan window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (key is not null)
        {
            return new(IntakeIdempotency.ConversationId(ConversationPrefix, caller, key), null);
        }

        return window > TimeSpan.Zero
            ? new(IntakeIdempotency.ConversationId(ConversationPrefix, caller, Fingerprint(report)), now - window)
            : new(IntakeIdempotency.ConversationId(ConversationPrefix, caller, Guid.NewGuid().ToString("N")), null);
    }

    /// <summary>
    /// What makes a report the same one: each part length-prefixed (so no text can pass for another part) under a
    /// first line no client key can have (keys have no line breaks), read after the form was checked (a place as
    /// the map found it, contact as recognised), so spacing alone does not make a report new.
    /// </summary>
    private static string Fingerprint(IntakeSubmission report)
    {
        var text = new StringBuilder("same report\n");
        void Part(string? value) => text.Append(CultureInfo.InvariantCulture, $"{value?.Length ?? -1}:{value}\n");
        Part(report.ServiceCode);
        Part(report.Location.Address);
        Part(report.Location.Latitude?.ToString("R", CultureInfo.InvariantCulture));
        Part(report.Location.Longitude?.ToString("R", CultureInfo.InvariantCulture));
        Part(report.Description);
        foreach (var attribute in report.Attributes.OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            Part(attribute.Code);
            Part(string.Join('\u001f', attribute.Values));
        }

        Part(report.Name);
        Part(report.Phone);
        Part(report.Email);
        return text.ToString();
    }
}
