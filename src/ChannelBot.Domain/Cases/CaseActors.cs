namespace ChannelBot.Domain.Cases;

/// <summary>Who made a change, when it is not a named staff member.</summary>
public static class CaseActors
{
    public const string Resident = "resident";

    public const string System = "system";
}
