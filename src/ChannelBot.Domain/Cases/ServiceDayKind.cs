namespace ChannelBot.Domain.Cases;

/// <summary>How the days of a service level are counted.</summary>
public enum ServiceDayKind
{
    /// <summary>Monday to Friday only.</summary>
    Business,

    /// <summary>Every day.</summary>
    Calendar,
}
