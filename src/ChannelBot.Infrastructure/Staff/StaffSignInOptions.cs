namespace ChannelBot.Infrastructure.Staff;

/// <summary>How people sign in to the staff API and console (configuration section <c>Staff:SignIn</c>).</summary>
public sealed class StaffSignInOptions
{
    public const string Section = "Staff:SignIn";

    /// <summary>Wrong passwords in a row from one client network before the name is locked there for <see cref="LockoutDuration"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a name stays locked for a network after <see cref="MaxFailedSignIns"/> wrong passwords from it.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts one client network may make per minute, whatever the names (ASP.NET Core's rate limiter; 429 beyond).</summary>
    public int AttemptsPerMinutePerNetwork { get; set; } = 30;

    /// <summary>A session ends this long after sign-in, however active it is.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session with no request for this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The shortest password a person may choose.</summary>
    public int MinPasswordLength { get; set; } = 12;
}
