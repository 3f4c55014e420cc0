using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// One concrete question of an intake: a flow step, or (for the attributes step) one attribute of the chosen
/// service. <see cref="Id"/> is what the draft and the stack remember: <c>location</c>, <c>attr:DEPTH</c>...
/// </summary>
internal sealed record StepRef(string Id, FlowStep Flow, ServiceAttribute? Attribute = null)
{
    public const string AttributePrefix = "attr:";

    public static string AttributeId(string code) => AttributePrefix + code;

    /// <summary>Whether an optional question is asked by SMS too (catalog or intake flag).</summary>
    public bool AskBySms => Attribute?.AskBySms ?? Flow.AskBySms;
}
