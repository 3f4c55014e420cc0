namespace ChannelBot.Domain.Cases;

/// <summary>Why a case was closed without being fixed. A case closed after <see cref="CaseStatus.Fixed"/> needs none.</summary>
public enum CaseClosureReason
{
    /// <summary>Another case reports the same problem.</summary>
    Duplicate,

    /// <summary>Not the city's to fix: referred to another agency or a utility.</summary>
    Referred,

    /// <summary>Inspected; nothing will be done.</summary>
    NoAction,
}
