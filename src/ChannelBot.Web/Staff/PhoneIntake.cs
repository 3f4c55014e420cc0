using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Web.Staff;

/// <summary>A call taker's report once checked (<see cref="PhoneIntakeForm"/>).</summary>
/// <param name="Channel"><c>phone</c> or <c>walk-in</c>.</param>
/// <param name="UpdatesBy"><c>sms</c> or <c>email</c> when the caller agreed to updates that way; null when they want none.</param>
internal sealed record PhoneIntake(
    ServiceDefinition Service,
    string Language,
    string Channel,
    string? Description,
    IReadOnlyList<SubmittedAttribute> Attributes,
    LocationAnswer Location,
    string? Name,
    string? Phone,
    string? Email,
    string? UpdatesBy);
