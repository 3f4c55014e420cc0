using System.Text;
using ChannelBot.Channels.Twilio;

namespace ChannelBot.Channels.Tests.Twilio;

public sealed class TwilioFormTests
{
    [Fact]
    public void A_form_body_is_read_in_order_with_plus_and_percent_escapes_decoded_and_nothing_trimmed()
    {
        var ok = TwilioForm.TryParseUrlEncoded("Body=+Streetlight+out+at+5th+%26+Elm+&From=%2B15551230000&Empty=&Flag&Body=second"u8, out var form, out var error);

        Assert.True(ok, error);
        Assert.Equal(
            [new("Body", " Streetlight out at 5th & Elm "), new("From", "+15551230000"), new("Empty", ""), new("Flag", ""), new("Body", "second")],
            Pairs(form));
        Assert.Equal(" Streetlight out at 5th & Elm ", form["Body"]);
        Assert.Null(form["Missing"]);
    }

    [Fact]
    public void Utf8_escapes_and_raw_utf8_both_decode()
    {
        var body = Encoding.UTF8.GetBytes("Body=Se%C3%B1or+%F0%9F%9A%A7&Raw=Señor 🚧");

        Assert.True(TwilioForm.TryParseUrlEncoded(body, out var form, out _));

        Assert.Equal("Señor 🚧", form["Body"]);
        Assert.Equal("Señor 🚧", form["Raw"]);
    }

    [Fact]
    public void An_empty_body_is_a_form_without_parameters()
    {
        Assert.True(TwilioForm.TryParseUrlEncoded(""u8, out var form, out _));
        Assert.Empty(form.Parameters);
    }

    [Theory]
    [InlineData("Body=%zz")]
    [InlineData("Body=%4")]
    [InlineData("Body=50%")]
    [InlineData("Body=%C3%28")]
    [InlineData("Body=%FF")]
    [InlineData("=value")]
    public void What_no_form_encoder_produces_is_refused(string body)
    {
        Assert.False(TwilioForm.TryParseUrlEncoded(Encoding.ASCII.GetBytes(body), out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused()
    {
        Assert.False(TwilioForm.TryParseUrlEncoded([0x42, 0x6F, 0x64, 0x79, 0x3D, 0xC3, 0x28], out _, out var error));
        Assert.Equal("The body is not UTF-8.", error);
    }

    [Fact]
    public void A_json_object_gives_its_scalar_members_as_parameters()
    {
        Assert.True(TwilioForm.TryParseJson("""{"MessageSid":"SM1","NumMedia":0,"Forwarded":true,"Nested":{"a":1},"List":[1],"Nothing":null}"""u8, out var form, out _));

        Assert.Equal([new("MessageSid", "SM1"), new("NumMedia", "0"), new("Forwarded", "true")], Pairs(form));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":1} trailing")]
    [InlineData("")]
    public void A_json_body_that_is_not_one_object_is_refused(string body)
    {
        Assert.False(TwilioForm.TryParseJson(Encoding.UTF8.GetBytes(body), out _, out var error));
        Assert.NotNull(error);
    }

    private static List<KeyValuePair<string, string>> Pairs(TwilioForm form) => [.. form.Parameters];
}
