namespace ChannelBot.Web.Staff;

/// <summary>The staff roles, the claims they carry, and the policies the endpoints ask for.</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Department = "department";
    public const string Reader = "reader";

    public const string DepartmentClaim = "channelbot:department";

    /// <summary>May read cases (every role).</summary>
    public const string ReadPolicy = "cases.read";

    /// <summary>May change cases (admin, operator, department).</summary>
    public const string WritePolicy = "cases.write";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, Department, Reader];
}
