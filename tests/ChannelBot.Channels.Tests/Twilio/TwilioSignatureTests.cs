using System.Text;
using ChannelBot.Channels.Twilio;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>The vectors of channels.md §2.1–§2.2 (checked there against the official library and an independent HMAC), and the URL variants.</summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string VectorUrl = "https://example.gov/twilio/sms?city=springfield";
    private const string VectorSignature = "yNU1/A2xVh0K7V+AEFOSYjntU2s=";

    private static readonly KeyValuePair<string, string>[] VectorParameters =
    [
        new("To", "+15559870000"),
        new("MessageSid", "SM0000000000000000000000000000000a"),
        new("Body", "Pothole on Main St"),
        new("NumMedia", "0"),
        new("From", "+15551230000"),
    ];

    [Fact]
    public void The_form_vector_signs_the_url_and_the_parameters_sorted_by_name()
    {
        Assert.Equal(VectorSignature, TwilioSignature.Compute(Token, VectorUrl, VectorParameters));
        Assert.True(TwilioSignature.IsValid(Token, VectorSignature, VectorUrl, VectorParameters));
    }

    [Fact]
    public void Names_are_sorted_ordinally_so_upper_case_comes_first()
    {
        KeyValuePair<string, string>[] parameters = [new("a", "1"), new("B", "2")];

        Assert.Equal("3MGE/RtMsa+HG65r8ihn97vUoWE=", TwilioSignature.Compute(Token, "https://x.test/h", parameters));
    }

    [Fact]
    public void The_json_vector_signs_the_url_carrying_the_body_hash()
    {
        var body = "{\"a\":1}"u8;
        const string hash = "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862";
        const string url = "https://example.gov/hook?bodySHA256=" + hash;

        Assert.Equal(hash, TwilioSignature.ComputeBodyHash(body));
        Assert.Equal("L0Wm48Se7lQKsdTL0PpxTAbcGQw=", TwilioSignature.Compute(Token, url, []));
        Assert.True(TwilioSignature.IsValidWithBody(Token, "L0Wm48Se7lQKsdTL0PpxTAbcGQw=", url, body));
    }

    [Fact]
    public void A_json_body_changed_by_one_byte_fails_although_the_url_signature_holds()
    {
        const string url = "https://example.gov/hook?bodySHA256=015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862";

        Assert.False(TwilioSignature.IsValidWithBody(Token, "L0Wm48Se7lQKsdTL0PpxTAbcGQw=", url, "{\"a\":2}"u8));
    }

    [Fact]
    public void A_json_request_without_a_body_hash_in_its_url_fails()
    {
        const string url = "https://example.gov/hook";
        var signature = TwilioSignature.Compute(Token, url, []);

        Assert.False(TwilioSignature.IsValidWithBody(Token, signature, url, "{\"a\":1}"u8));
    }

    [Theory]
    [InlineData("Body", "Pothole on Main St.")]
    [InlineData("From", "+15551230001")]
    [InlineData("Extra", "")]
    public void A_changed_or_added_parameter_fails(string name, string value)
    {
        var tampered = VectorParameters.Where(p => p.Key != name).Append(new(name, value)).ToArray();

        Assert.False(TwilioSignature.IsValid(Token, VectorSignature, VectorUrl, tampered));
    }

    [Theory]
    [InlineData("https://example.gov/twilio/sms?city=Springfield")]
    [InlineData("http://example.gov/twilio/sms?city=springfield")]
    [InlineData("https://example.gov/twilio/sms/?city=springfield")]
    [InlineData("https://example.gov/twilio/sms")]
    [InlineData("https://example.gov/twilio/sms?city=springfield&x=1")]
    public void Another_url_fails(string url)
    {
        Assert.False(TwilioSignature.IsValid(Token, VectorSignature, url, VectorParameters));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("yNU1/A2xVh0K7V+AEFOSYjntU2s")]
    [InlineData("yNU1/A2xVh0K7V+AEFOSYjntU2s==")]
    [InlineData("YNU1/A2xVh0K7V+AEFOSYjntU2s=")]
    public void A_missing_truncated_or_altered_signature_fails(string? signature)
    {
        Assert.False(TwilioSignature.IsValid(Token, signature, VectorUrl, VectorParameters));
    }

    [Fact]
    public void Another_token_fails()
    {
        Assert.False(TwilioSignature.IsValid("54321", VectorSignature, VectorUrl, VectorParameters));
    }

    [Fact]
    public void A_signature_over_the_url_with_port_443_validates_against_the_url_without_it()
    {
        var signedWithPort = TwilioSignature.Compute(Token, "https://example.gov:443/twilio/sms?city=springfield", VectorParameters);

        Assert.True(TwilioSignature.IsValid(Token, signedWithPort, VectorUrl, VectorParameters));
    }

    [Fact]
    public void A_signature_over_the_url_without_a_port_validates_against_the_url_with_one()
    {
        Assert.True(TwilioSignature.IsValid(Token, VectorSignature, "https://example.gov:443/twilio/sms?city=springfield", VectorParameters));
    }

    [Theory]
    [InlineData("https://h.test/p?q=1", new[] { "https://h.test/p?q=1", "https://h.test:443/p?q=1" })]
    [InlineData("https://h.test:443/p", new[] { "https://h.test/p", "https://h.test:443/p" })]
    [InlineData("http://h.test/p", new[] { "http://h.test/p", "http://h.test:80/p" })]
    [InlineData("http://h.test:8080/p", new[] { "http://h.test/p", "http://h.test:8080/p" })]
    [InlineData("https://u:pw@h.test/p", new[] { "https://u:pw@h.test/p", "https://u:pw@h.test:443/p" })]
    [InlineData("https://[::1]:9000/p", new[] { "https://[::1]/p", "https://[::1]:9000/p" })]
    [InlineData("https://h.test", new[] { "https://h.test", "https://h.test:443" })]
    [InlineData("not a url", new[] { "not a url" })]
    public void A_url_is_tried_without_its_port_and_with_one(string url, string[] expected)
    {
        Assert.Equal(expected, TwilioSignature.UrlVariants(url));
    }

    [Fact]
    public void Repeated_names_sign_each_distinct_value_once_in_ordinal_order()
    {
        KeyValuePair<string, string>[] repeated = [new("MediaUrl", "u2"), new("MediaUrl", "u1"), new("MediaUrl", "u2")];
        KeyValuePair<string, string>[] written = [new("MediaUrlu1MediaUrl", "u2")];

        Assert.Equal(TwilioSignature.Compute(Token, "https://x.test/h", written), TwilioSignature.Compute(Token, "https://x.test/h", repeated));
    }

    [Fact]
    public void Parameter_values_are_signed_as_utf8_text_not_as_their_url_encoding()
    {
        KeyValuePair<string, string>[] parameters = [new("Body", "Bache en la calle Señor 🚧 & 5ª")];
        var data = "https://x.test/h" + "Body" + "Bache en la calle Señor 🚧 & 5ª";
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData(Encoding.UTF8.GetBytes(Token), Encoding.UTF8.GetBytes(data)));

        Assert.Equal(expected, TwilioSignature.Compute(Token, "https://x.test/h", parameters));
    }

    [Fact]
    public void A_signature_over_the_escaped_form_of_the_query_validates_as_the_official_library_allows()
    {
        var apostropheEscaped = TwilioSignature.Compute(Token, "https://x.test/h?street=O%27Brien", VectorParameters);
        var spaceEscaped = TwilioSignature.Compute(Token, "https://x.test/h?q=a%20b", VectorParameters);

        Assert.True(TwilioSignature.IsValid(Token, apostropheEscaped, "https://x.test/h?street=O'Brien", VectorParameters));
        Assert.False(TwilioSignature.IsValid(Token, apostropheEscaped, "https://x.test/h?street=O'Brian", VectorParameters));
        Assert.True(TwilioSignature.IsValid(Token, spaceEscaped, "https://x.test/h?q=a+b", VectorParameters));
        Assert.False(TwilioSignature.IsValid(Token, spaceEscaped, "https://x.test/h?q=a+c", VectorParameters));
    }

    [Fact]
    public void The_candidates_are_the_received_url_first_then_its_escaped_forms()
    {
        Assert.Equal(
            [
                "https://x.test/h?s=O'B",
                "https://x.test:443/h?s=O'B",
                "https://x.test/h?s=O%27B",
                "https://x.test:443/h?s=O%27B",
            ],
            TwilioSignature.CandidateUrls("https://x.test/h?s=O'B"));
        Assert.Equal(["https://x.test/h", "https://x.test:443/h"], TwilioSignature.CandidateUrls("https://x.test/h"));
    }
}
