namespace ChannelBot.Dialogs.Definitions;

/// <summary>One request type: what a resident reports and what the city asks about it.</summary>
public sealed class ServiceDefinition
{
    /// <summary>Stable code (Open311 <c>service_code</c>), e.g. <c>PTHOLE</c>. Never reuse a code for something else.</summary>
    public required string Code { get; init; }

    public required LocalizedText Name { get; init; }

    public required LocalizedText Description { get; init; }

    /// <summary>Key of a <see cref="ServiceGroup"/>.</summary>
    public required string Group { get; init; }

    /// <summary>Code of the <see cref="Department"/> new cases are routed to.</summary>
    public required string Department { get; init; }

    /// <summary>Words and phrases residents use for this problem, per language (Open311 <c>keywords</c>).</summary>
    public required LocalizedList Keywords { get; init; }

    /// <summary>Descriptions of this problem as residents write them, per language: what the understanding model learns from.</summary>
    public LocalizedList Examples { get; init; } = [];

    public required ServiceLevel Sla { get; init; }

    /// <summary>What the city will do and when (Open311 <c>service_notice</c>), told to the resident on submit.</summary>
    public required LocalizedText Notice { get; init; }

    public PhotoPolicy Photos { get; init; } = PhotoPolicy.Optional;

    /// <summary>The questions, as Open311 attributes, in <see cref="ServiceAttribute.Order"/>.</summary>
    public IReadOnlyList<ServiceAttribute> Attributes { get; init; } = [];

    /// <summary>When an open case nearby is offered to follow instead (default: 50 m, 30 days).</summary>
    public DuplicatePolicy Duplicates { get; init; } = DuplicatePolicy.Default;
}
