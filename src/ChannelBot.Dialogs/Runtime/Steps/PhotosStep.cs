using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.State;
using ChannelBot.Schema;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// Photos of the problem. Any image the resident sends during the intake is kept (MMS users often send the
/// photo with their first message); at this step a photo or "skip" moves on.
/// </summary>
internal sealed class PhotosStep : StepHandler
{
    public const int DefaultMaxPhotos = 3;

    public override void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry)
    {
        var required = intake.Service?.Photos == PhotoPolicy.Required;
        AskWithSkip(turn, turn.T(StringKeys.Step(step.Id, retry ? "retry" : "prompt")), !required);
    }

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        var max = step.Flow.MaxPhotos ?? DefaultMaxPhotos;
        var added = Collect(turn.Activity, intake.Draft, max);
        if (added > 0 || intake.Draft.Photos.Count > 0 && turn.Is(turn.Phrases.Done))
        {
            turn.Say(turn.T(StringKeys.Step(step.Id, "received"), ("count", intake.Draft.Photos.Count.ToString(turn.Culture))));
            return StepOutcome.Answered;
        }

        var required = intake.Service?.Photos == PhotoPolicy.Required;
        // "no", "no photo, sorry", "nope, don't have one": a no here means no photo.
        if (!required && (IsSkip(turn) || turn.Is(turn.Phrases.Done) || turn.YesOrNo() == false))
        {
            return StepOutcome.Answered;
        }

        return StepOutcome.Invalid;
    }

    /// <summary>Photos already sent (with the first message, say) settle the step, with a word that they arrived.</summary>
    public override bool Settle(Turn turn, IntakeContext intake, StepRef step)
    {
        if (intake.Draft.Photos.Count > 0)
        {
            turn.Say(turn.T(StringKeys.Step(step.Id, "received"), ("count", intake.Draft.Photos.Count.ToString(turn.Culture))));
            return true;
        }

        return base.Settle(turn, intake, step);
    }

    protected override bool IsOptional(IntakeContext intake, StepRef step) => intake.Service?.Photos != PhotoPolicy.Required;

    /// <summary>Without photos, unless the service requires one.</summary>
    public override bool SkipUnanswered(Turn turn, IntakeContext intake, StepRef step) =>
        intake.Service?.Photos != PhotoPolicy.Required;

    /// <summary>Keeps the activity's images (up to <paramref name="max"/> in all); returns how many were added.</summary>
    public static int Collect(Activity activity, IntakeDraft draft, int max)
    {
        if (activity.Attachments is null)
        {
            return 0;
        }

        var added = 0;
        foreach (var attachment in activity.Attachments)
        {
            if (draft.Photos.Count >= max)
            {
                break;
            }

            if (attachment.ContentUrl is not { Length: > 0 } url || !PhotoFormats.IsDeclaredPhoto(attachment.ContentType))
            {
                continue;
            }

            if (draft.Photos.Exists(p => p.Url == url))
            {
                continue;
            }

            draft.Photos.Add(new PhotoAnswer(url, attachment.ContentType!, attachment.Name));
            added++;
        }

        return added;
    }
}
