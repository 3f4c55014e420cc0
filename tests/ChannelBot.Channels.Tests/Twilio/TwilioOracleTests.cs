using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChannelBot.Channels.Twilio;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>
/// Requests signed by the official <c>twilio</c> npm package (<c>getExpectedTwilioSignature</c>,
/// <c>getExpectedBodyHash</c>) posted to the running endpoint, and our validator checked against the package's
/// <c>validateRequest</c> on a corpus of mutations.
/// </summary>
public sealed class TwilioOracleTests : IAsyncLifetime
{
    private const string Token = TwilioTestHost.AuthToken;

    private TwilioTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TwilioTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Fixtures => [.. FixtureSet().Keys];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_request_signed_by_the_official_library_is_accepted_and_stored_once(string fixture)
    {
        var parameters = FixtureSet()[fixture];
        var signature = await TwilioOracle.SignAsync(Token, TwilioTestHost.MessagesUrl, parameters);

        using var response = await PostAsync(parameters, signature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TwilioResponses.EmptyTwiml, await response.Content.ReadAsStringAsync());
        if (parameters.Any(p => p.Key == "OptOutType"))
        {
            // A consent keyword is recorded and kept from the dialog (TwilioKeywordHandler); an opt-out ends the conversation.
            Assert.All(_host.Sink.Received, a => Assert.Equal(ActivityTypes.EndOfConversation, a.Type));
            Assert.Single(_host.Consent.Changes);
            return;
        }

        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal(parameters.First(p => p.Key == "MessageSid").Value, stored.Id);
    }

    [Fact]
    public async Task A_request_signed_by_the_official_library_with_a_query_string_is_accepted()
    {
        const string query = "?city=springfield&lang=es&note=O%27Brien+St";
        var parameters = FixtureSet()["sms"];
        var signature = await TwilioOracle.SignAsync(Token, TwilioTestHost.MessagesUrl + query, parameters);

        using var response = await PostAsync(parameters, signature, "/api/twilio/messages" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_official_signature_with_a_tampered_parameter_is_refused()
    {
        var parameters = FixtureSet()["sms"];
        var signature = await TwilioOracle.SignAsync(Token, TwilioTestHost.MessagesUrl, parameters);

        using var response = await PostAsync(parameters.With("Body", "Pothole on Main St & 6th"), signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task An_official_signature_over_another_url_is_refused()
    {
        var parameters = FixtureSet()["sms"];
        var signature = await TwilioOracle.SignAsync(Token, "https://311.example.gov/api/twilio/status", parameters);

        using var response = await PostAsync(parameters, signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_officially_signable_request_sent_without_the_header_is_refused()
    {
        using var response = await PostAsync(FixtureSet()["sms"], signature: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_json_body_signed_by_the_official_library_is_accepted_and_the_same_body_changed_by_one_byte_is_refused()
    {
        const string json = """{"MessageSid":"SM0000000000000000000000000000000c","From":"+15551230000","Body":"Streetlight out, 5th & Elm — 🚧"}""";
        var query = "?bodySHA256=" + await TwilioOracle.BodyHashAsync(json);
        var signature = await TwilioOracle.SignAsync(Token, TwilioTestHost.MessagesUrl + query, []);

        using var accepted = await PostJsonAsync(json, signature, query);
        using var refused = await PostJsonAsync(json.Replace("5th", "6th", StringComparison.Ordinal), signature, query);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Streetlight out, 5th & Elm — 🚧", Assert.Single(_host.Sink.Received).Text);
    }

    [Fact]
    public async Task Our_validator_agrees_with_the_official_one_on_every_mutation()
    {
        var cases = MutationCorpus();
        var signed = await TwilioOracle.RunAsync([.. cases.Select(c => TwilioOracle.Sign(c.SigningToken, c.SignedUrl, c.SignedParameters))]);
        var requests = cases
            .Select((c, i) => TwilioOracle.Validate(c.ValidatingToken, c.Signature ?? signed[i]!["signature"]!.GetValue<string>(), c.ValidatedUrl, c.ValidatedParameters))
            .ToList();

        var answers = await TwilioOracle.RunAsync(requests);

        var disagreements = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var signature = requests[i]["signature"]!.GetValue<string>();
            var ours = TwilioSignature.IsValid(cases[i].ValidatingToken, signature, cases[i].ValidatedUrl, cases[i].ValidatedParameters);
            var theirs = answers[i]!["valid"]!.GetValue<bool>();
            if (ours != theirs)
            {
                disagreements.Add($"{cases[i].Name}: ours {ours}, official {theirs}");
            }
        }

        Assert.True(cases.Count >= 200, $"only {cases.Count} cases");
        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.Contains(answers, a => a!["valid"]!.GetValue<bool>());
        Assert.Contains(answers, a => !a!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Our_signatures_equal_the_official_ones_for_unicode_empty_and_ordinal_cases()
    {
        List<(string Url, KeyValuePair<string, string>[] Parameters)> inputs =
        [
            ("https://x.test/h", [new("a", "1"), new("B", "2"), new("_", "3"), new("Z", "4"), new("á", "5")]),
            ("https://x.test/h", [new("Body", "Bache 🚧 en la calle Señor, ¿ya?"), new("Empty", "")]),
            ("https://x.test/h?q=%20a+b", [new("Body", "a+b %20 & = ?")]),
            ("https://x.test:8443/h", [new("MediaUrl", "u2"), new("MediaUrl", "u1"), new("MediaUrl", "u2")]),
            ("https://x.test/h", []),
        ];

        var answers = await TwilioOracle.RunAsync([.. inputs.Select(i => TwilioOracle.Sign(Token, i.Url, i.Parameters))]);

        Assert.Equal(
            answers.Select(a => a!["signature"]!.GetValue<string>()),
            inputs.Select(i => TwilioSignature.Compute(Token, i.Url, i.Parameters)));
    }

    private static Dictionary<string, List<KeyValuePair<string, string>>> FixtureSet() => new()
    {
        ["sms"] = TwilioRequests.Sms(),
        ["sms with unicode and reserved characters"] = TwilioRequests.Sms("Bache en la calle Señor 🚧 — 50% & more = \"danger\" + 'O'Brien'?", "SM00000000000000000000000000000010"),
        ["mms with three photos"] = TwilioRequests.Sms("", "MM00000000000000000000000000000011")
            .With("NumMedia", "3")
            .With("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages/MM00000000000000000000000000000011/Media/ME00000000000000000000000000000001")
            .With("MediaContentType0", "image/jpeg")
            .With("MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages/MM00000000000000000000000000000011/Media/ME00000000000000000000000000000002")
            .With("MediaContentType1", "image/png")
            .With("MediaUrl2", "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages/MM00000000000000000000000000000011/Media/ME00000000000000000000000000000003")
            .With("MediaContentType2", "image/heic"),
        ["whatsapp text"] = WhatsApp("Hay basura en el parque", "SM00000000000000000000000000000012"),
        ["whatsapp location"] = WhatsApp("", "SM00000000000000000000000000000013")
            .With("MessageType", "location").With("Latitude", "39.9242266").With("Longitude", "-83.8088171")
            .With("Address", "76 E High St, Springfield, OH 45502").With("Label", "City Hall"),
        ["whatsapp quick reply"] = WhatsApp("Yes, submit it", "SM00000000000000000000000000000014")
            .With("MessageType", "button").With("ButtonText", "Yes, submit it").With("ButtonPayload", "confirm.yes"),
        ["stop with opt-out type"] = TwilioRequests.Sms("STOP", "SM00000000000000000000000000000015").With("OptOutType", "STOP"),
        ["unknown new parameters"] = TwilioRequests.Sms("hello", "SM00000000000000000000000000000016")
            .With("ChannelMetadata", """{"type":"whatsapp","data":{"context":{"ProfileName":"Ana"}}}""")
            .With("SomeFutureParameter", "value"),
    };

    private static List<KeyValuePair<string, string>> WhatsApp(string body, string messageSid) =>
        TwilioRequests.Sms(body, messageSid)
            .Without("FromCity").Without("FromState").Without("FromZip").Without("FromCountry")
            .With("From", "whatsapp:+15551230000").With("To", "whatsapp:+15559870000")
            .With("ProfileName", "Ana").With("WaId", "15551230000");

    private static List<Mutation> MutationCorpus()
    {
        var baseParameters = TwilioRequests.Sms("Pothole on Main St");
        var corpus = new List<Mutation>();
        string[] urls =
        [
            "https://311.example.gov/api/twilio/messages",
            "https://311.example.gov:443/api/twilio/messages",
            "http://311.example.gov/api/twilio/messages",
            "http://311.example.gov:80/api/twilio/messages",
            "https://311.example.gov:8443/api/twilio/messages",
            "https://311.example.gov/api/twilio/messages/",
            "https://311.example.gov/api/twilio/messages?city=springfield",
            "https://311.example.gov/api/twilio/messages?city=springfield&extra=1",
            "https://311.example.gov/api/twilio/messages?a=1&b=2",
            "https://311.example.gov/api/twilio/messages?b=2&a=1",
            "https://311.example.gov/api/twilio/messages?q=a%20b",
            "https://311.example.gov/api/twilio/messages?q=a+b",
            "https://OTHER.example.gov/api/twilio/messages",
            "https://311.Example.GOV/api/twilio/messages",
            "https://311.example.gov/api/twilio/messages?street=O'Brien",
            "https://311.example.gov/api/twilio/messages?street=O%27Brien",
            "https://311.example.gov/api/twilio/messages?street=O%27brien",
            "https://311.example.gov/api/twilio/messages?q=a%2Bb",
            "https://311.example.gov/api/twilio/messages?city=Espa%C3%B1ola",
            "https://311.example.gov/api/twilio/messages?city=Española",
            "https://311.example.gov/api/twilio/messages?a=1&b=2&a=3",
            "https://311.example.gov/api/twilio/messages?a=1&a=3&b=2",
            "https://311.example.gov/api/twilio/messages?bad=%zz",
            "https://311.example.gov/api/twilio/messages?x=(1)*!~",
            "https://311.example.gov/api/twilio/messages?x=%281%29%2A%21%7E",
            "https://311.example.gov/api/twilio/messages?",
            "https://user:Pass@311.example.gov/api/twilio/messages",
        ];

        // Every pair of (signed URL, validated URL): ports on and off, scheme, trailing slash, query changes.
        foreach (var signed in urls)
        {
            foreach (var validated in urls)
            {
                corpus.Add(new($"signed {signed} / validated {validated}", Token, signed, baseParameters, Token, validated, baseParameters));
            }
        }

        var url = urls[0];
        corpus.Add(new("changed body", Token, url, baseParameters, Token, url, baseParameters.With("Body", "Pothole on Main St.")));
        corpus.Add(new("added parameter", Token, url, baseParameters, Token, url, baseParameters.With("New", "")));
        corpus.Add(new("removed parameter", Token, url, baseParameters, Token, url, baseParameters.Without("NumSegments")));
        corpus.Add(new("value moved to another name", Token, url, [new("ab", "c")], Token, url, [new("a", "bc")]));
        corpus.Add(new("name case changed", Token, url, [new("a", "1"), new("B", "2")], Token, url, [new("A", "1"), new("B", "2")]));
        corpus.Add(new("unicode body", Token, url, baseParameters.With("Body", "Señor 🚧"), Token, url, baseParameters.With("Body", "Señor 🚧")));
        corpus.Add(new("unicode body normalized differently", Token, url, baseParameters.With("Body", "Sen\u0303or"), Token, url, baseParameters.With("Body", "Señor")));
        corpus.Add(new("empty values", Token, url, [new("Body", ""), new("From", "")], Token, url, [new("Body", ""), new("From", "")]));
        corpus.Add(new("secondary token", "67890", url, baseParameters, Token, url, baseParameters));
        corpus.Add(new("repeated names, order changed", Token, url, [new("MediaUrl", "u1"), new("MediaUrl", "u2")], Token, url, [new("MediaUrl", "u2"), new("MediaUrl", "u1")]));
        corpus.Add(new("garbage signature", Token, url, baseParameters, Token, url, baseParameters, "not-a-signature"));
        corpus.Add(new("empty signature", Token, url, baseParameters, Token, url, baseParameters, ""));
        return corpus;
    }

    private async Task<HttpResponseMessage> PostAsync(IReadOnlyList<KeyValuePair<string, string>> parameters, string? signature, string pathAndQuery = "/api/twilio/messages")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(parameters) };
        if (signature is not null)
        {
            request.Headers.Add(TwilioSignature.HeaderName, signature);
        }

        return await _host.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string json, string signature, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/twilio/messages" + query) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(TwilioSignature.HeaderName, signature);
        return await _host.Client.SendAsync(request);
    }

    private sealed record Mutation(
        string Name,
        string SigningToken,
        string SignedUrl,
        IReadOnlyList<KeyValuePair<string, string>> SignedParameters,
        string ValidatingToken,
        string ValidatedUrl,
        IReadOnlyList<KeyValuePair<string, string>> ValidatedParameters,
        string? Signature = null);
}
