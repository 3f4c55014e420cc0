using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime.Steps;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>Turns a confirmed intake into the <see cref="IntakeSubmission"/> a case is made from.</summary>
internal static class SubmissionBuilder
{
    public static IntakeSubmission Build(Turn turn, IntakeContext intake)
    {
        var draft = intake.Draft;
        var service = intake.Service ?? throw new InvalidOperationException("A summary was confirmed with no service chosen.");
        var attributes = service.Attributes
            .OrderBy(a => a.Order)
            .Where(a => draft.Attributes.ContainsKey(a.Code))
            .Select(a => new SubmittedAttribute(a.Code, draft.Attributes[a.Code].Values, draft.Attributes[a.Code].Display))
            .ToList();
        var description = string.Join("\n", new[] { draft.InitialText, draft.Description }.Where(t => t is { Length: > 0 }));
        return new IntakeSubmission(
            service.Code,
            service.Name.Get(turn.Definitions.DefaultLanguage),
            service.Department,
            attributes,
            draft.Location ?? new LocationAnswer(null, null, null),
            description.Length == 0 ? null : description,
            draft.Photos.ToList(),
            draft.Name,
            draft.Phone,
            draft.Email,
            draft.ConsentToUpdates ?? false,
            turn.Language,
            turn.Activity.ChannelId ?? "unknown",
            turn.Activity.From?.Id,
            turn.Activity.GetConversationReference(),
            service.Sla.Days,
            service.Sla.Type == SlaDayType.Business,
            turn.Now,
            draft.ConsentToUpdates == true ? draft.UpdateChannel : null,
            draft.DescriptionPublic == true,
            draft.Following);
    }
}
