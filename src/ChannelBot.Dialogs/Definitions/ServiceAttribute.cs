namespace ChannelBot.Dialogs.Definitions;

/// <summary>One question of a service type, shaped exactly as an Open311 service-definition attribute.</summary>
public sealed class ServiceAttribute
{
    /// <summary>Attribute id, sent as <c>attribute[CODE]</c> in Open311.</summary>
    public required string Code { get; init; }

    public required AttributeDatatype Datatype { get; init; }

    public bool Required { get; init; }

    /// <summary>For an optional question: ask it by SMS too (see <see cref="FlowStep.AskBySms"/>).</summary>
    public bool AskBySms { get; init; }

    /// <summary>Positive, unique within the service; 1 is asked first.</summary>
    public required int Order { get; init; }

    /// <summary>The question as asked (Open311 <c>description</c>).</summary>
    public required LocalizedText Description { get; init; }

    /// <summary>A few words naming what the question asks ("where in the road"), for the read-back; null to use the question.</summary>
    public LocalizedText? Label { get; init; }

    /// <summary>An input hint (Open311 <c>datatype_description</c>).</summary>
    public LocalizedText? Hint { get; init; }

    /// <summary>Options of a list datatype.</summary>
    public IReadOnlyList<AttributeValue> Values { get; init; } = [];

    /// <summary>Bounds of a number answer.</summary>
    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Longest text answer accepted (string and text datatypes).</summary>
    public int? MaxLength { get; init; }
}
