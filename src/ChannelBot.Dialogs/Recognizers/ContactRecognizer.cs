using System.Net.Mail;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>Finds the contact details a resident gives in free text ("my cell is (202) 555-0143", "write to ana@x.org").</summary>
public static class ContactRecognizer
{
    private static readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();

    /// <summary>The first e-mail address in the text (as written, trailing punctuation removed), or null.</summary>
    public static string? FindEmail(string text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            for (var match = EmailPattern.Find().Match(text); match.Success; match = match.NextMatch())
            {
                if (MailAddress.TryCreate(match.Value, out var address) && address.Address == match.Value)
                {
                    return match.Value;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        return null;
    }

    /// <summary>
    /// The first valid phone number in the text in E.164 ("+12025550143"), read with libphonenumber: national
    /// numbers are taken in <paramref name="defaultRegion"/> (ISO 3166 code), "+" numbers in their own country.
    /// Only numbers libphonenumber deems valid count, so impossible ones (too short, or an unassigned area code such
    /// as the films' "(555) 555-0123") give null: a case must not be tied to a number that can never be texted.
    /// </summary>
    public static string? FindPhoneE164(string text, string defaultRegion = "US")
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var match in _phones.FindNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            return _phones.Format(match.Number, PhoneNumberFormat.E164);
        }

        return null;
    }
}
