namespace ChannelBot.Web.Tests.Public;

/// <summary>What no public page or feed may hold about a case: everything personal about its reporter, staff-only text, and the description unless the resident agreed.</summary>
public static class PublicPrivacy
{
    /// <summary>Who on the staff moves the test cases (a person's name: never public).</summary>
    public const string StaffName = "Dana Staffmember";

    /// <summary>An internal note on the test cases (staff only).</summary>
    public const string InternalNote = "INTERNAL: reporter called twice, crew 12 lead is Marco";

    public static void AssertHoldsNothingPersonal(string content, params PublicCase[] reports)
    {
        ArgumentNullException.ThrowIfNull(content);
        foreach (var report in reports)
        {
            foreach (var secret in Secrets(report))
            {
                Assert.False(content.Contains(secret, StringComparison.OrdinalIgnoreCase), $"A public page holds '{secret}'.");
            }
        }

        Assert.DoesNotContain(StaffName, content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("INTERNAL:", content, StringComparison.Ordinal);
        Assert.DoesNotContain("sms/conversations", content, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Secrets(PublicCase report)
    {
        yield return report.ReporterName;
        yield return report.ReporterName.Split(' ')[^1];   // the family name alone
        yield return report.ReporterPhone;
        yield return report.ReporterPhone[2..];            // the number without +1
        yield return report.ReporterPhone[^7..];           // the local part
        yield return report.ReporterEmail;
        yield return report.ChannelUserId;
        yield return report.PhotoUrl;
        yield return "ME-secret-photo";
        if (!report.DescriptionPublic)
        {
            yield return report.Description;
        }
    }
}
