using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class ContactRecognizerTests
{
    [Theory]
    [InlineData("write to Ana.Perez@Example.org.", "Ana.Perez@Example.org")]
    [InlineData("my email is bob+311@mail.co.uk thanks", "bob+311@mail.co.uk")]
    [InlineData("(maria_lopez@correo.es)", "maria_lopez@correo.es")]
    [InlineData("first a@b then real@city.gov", "real@city.gov")]
    public void An_email_address_in_the_text_is_found(string text, string expected)
    {
        Assert.Equal(expected, ContactRecognizer.FindEmail(text));
    }

    [Theory]
    [InlineData("no email, sorry")]
    [InlineData("@handle on twitter")]
    [InlineData("user@localhost")]
    [InlineData("john@@example.com")]
    [InlineData("")]
    public void Text_without_an_email_address_gives_null(string text)
    {
        Assert.Null(ContactRecognizer.FindEmail(text));
    }

    [Theory]
    [InlineData("my cell is (202) 555-0143", "US", "+12025550143")]
    [InlineData("call 617.555.0123 after 5", "US", "+16175550123")]
    [InlineData("2025550143", "US", "+12025550143")]
    [InlineData("+1 415 555 2671", "US", "+14155552671")]
    [InlineData("mi número es +34 612 345 678", "US", "+34612345678")]
    [InlineData("612 345 678", "ES", "+34612345678")]
    public void A_valid_phone_number_is_returned_in_e164(string text, string region, string expected)
    {
        Assert.Equal(expected, ContactRecognizer.FindPhoneE164(text, region));
    }

    [Theory]
    [InlineData("call 123")]
    [InlineData("my number is 555-1234")]
    [InlineData("my cell is (555) 555-0123")]
    [InlineData("no phone")]
    [InlineData("")]
    public void An_impossible_or_missing_number_gives_null(string text)
    {
        Assert.Null(ContactRecognizer.FindPhoneE164(text));
    }
}
