namespace ChannelBot.Web.Staff;

/// <summary>The staff roles, the claims they carry, and the policies the endpoints ask for.</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Department = "department";
    public const string Reader = "reader";

    public const string DepartmentClaim = "channelbot:department";

    private const int MaxDepartmentLength = 64;

    /// <summary>Carried by a person's session (the account id), never by an API key.</summary>
    public const string AccountClaim = "channelbot:staff-account";

    /// <summary>Carried instead of a role until the holder replaces a password someone else chose.</summary>
    public const string MustChangePasswordClaim = "channelbot:must-change-password";

    /// <summary>May read cases (every role).</summary>
    public const string ReadPolicy = "cases.read";

    /// <summary>May change cases (admin, operator, department).</summary>
    public const string WritePolicy = "cases.write";

    /// <summary>May see what concerns every case and every resident, such as messages set aside (admin, operator).</summary>
    public const string OperatorPolicy = "cases.all";

    /// <summary>May manage staff accounts (admin).</summary>
    public const string AdminPolicy = "staff.admin";

    /// <summary>A person signed in with a session (any role, or none yet while a password must be changed).</summary>
    public const string SessionPolicy = "staff.session";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, Department, Reader];

    /// <summary>What is wrong with a role and department pair, or null when nothing is.</summary>
    public static string? Problem(string? role, string? department)
    {
        if (role is null || !All.Contains(role))
        {
            return $"Role must be one of {string.Join(", ", All)}.";
        }

        if (role == Department && string.IsNullOrWhiteSpace(department))
        {
            return "Department is required for the department role.";
        }

        return department is { Length: > MaxDepartmentLength } ? $"Department may have at most {MaxDepartmentLength} characters." : null;
    }
}
