namespace ChannelBot.Infrastructure.Staff;

/// <summary>How a change to an account ended, and the account as it is now.</summary>
public sealed record StaffAccountChangeOutcome(StaffAccountChange Status, StaffAccount? Account = null);
