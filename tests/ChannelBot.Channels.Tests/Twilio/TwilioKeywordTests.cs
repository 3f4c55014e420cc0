using System.Net;
using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Common;
using ChannelBot.Channels.Twilio;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>Consent keywords posted to <c>POST /api/twilio/messages</c>: recorded before the dialog, confirmed once, never twice.</summary>
public sealed class TwilioKeywordTests : IAsyncLifetime
{
    private const string Phone = "+15551230000";
    private const string WhatsApp = "whatsapp:+15551230000";

    private TwilioTestHost _host = null!;
    private int _sid;

    public async Task InitializeAsync() => _host = await TwilioTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("STOP")]
    [InlineData(" stop ")]
    [InlineData("Cancel")]
    [InlineData("QUIT")]
    [InlineData("unsubscribe!")]
    public async Task An_sms_opt_out_word_opts_out_without_reaching_the_dialog_and_twilio_alone_answers(string word)
    {
        await PostAsync(Sms(word));

        // The dialog gets no message, only the end of the conversation (the report in progress is dropped).
        var ended = Assert.Single(_host.Sink.Received);
        Assert.Equal(ActivityTypes.EndOfConversation, ended.Type);
        Assert.Equal(Phone, ended.Conversation!.Id);
        Assert.True(_host.Consent.IsOptedOut(ChannelIds.Sms, Phone));
        Assert.Empty(_host.Consent.Confirmed);
    }

    [Fact]
    public async Task When_twilio_does_not_answer_sms_keywords_we_confirm_once()
    {
        await _host.DisposeAsync();
        var settings = TwilioTestHost.ConfiguredSettings();
        settings["Twilio:TwilioAnswersSmsKeywords"] = "false";
        _host = await TwilioTestHost.StartAsync(settings);

        await PostAsync(Sms("STOP"));
        await PostAsync(Sms("STOP"));

        var confirmed = Assert.Single(_host.Consent.Confirmed);
        Assert.Equal(TwilioOptions.DefaultOptOutConfirmation, confirmed.Confirmation!.Text);
        Assert.True(ConsentConfirmation.IsConfirmation(confirmed.Confirmation));
    }

    [Fact]
    public async Task A_whatsapp_stop_is_confirmed_exactly_once_even_when_sent_again()
    {
        await PostAsync(WhatsAppMessage("STOP"));
        await PostAsync(WhatsAppMessage("stop"));

        Assert.All(_host.Sink.Received, a => Assert.Equal(ActivityTypes.EndOfConversation, a.Type));
        Assert.True(_host.Consent.IsOptedOut(ChannelIds.WhatsApp, WhatsApp));
        var confirmed = Assert.Single(_host.Consent.Confirmed).Confirmation!;
        Assert.Equal(WhatsApp, confirmed.Conversation!.Id);
        Assert.Equal(ChannelIds.WhatsApp, confirmed.ChannelId);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("QUIT")]
    public async Task On_whatsapp_cancel_and_quit_are_the_dialogs_words(string word)
    {
        await PostAsync(WhatsAppMessage(word));

        Assert.Single(_host.Sink.Received);
        Assert.Empty(_host.Consent.Changes);
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("whatsapp")]
    public async Task A_revocation_in_the_residents_words_opts_out_and_is_confirmed(string channel)
    {
        await PostAsync(channel == "sms" ? Sms("please stop texting me") : WhatsAppMessage("please stop texting me"));

        Assert.DoesNotContain(_host.Sink.Received, a => a.IsType(ActivityTypes.Message));
        Assert.Single(_host.Consent.Confirmed);
    }

    [Fact]
    public async Task Start_after_stop_opts_back_in_without_reaching_the_dialog()
    {
        await PostAsync(Sms("STOP"));
        await PostAsync(Sms("START"));

        Assert.DoesNotContain(_host.Sink.Received, a => a.IsType(ActivityTypes.Message));
        Assert.False(_host.Consent.IsOptedOut(ChannelIds.Sms, Phone));
    }

    [Fact]
    public async Task A_whatsapp_start_from_someone_never_opted_out_is_an_ordinary_message()
    {
        await PostAsync(WhatsAppMessage("START"));

        Assert.Single(_host.Sink.Received);
        Assert.Empty(_host.Consent.Confirmed);
    }

    [Fact]
    public async Task Yes_opts_an_opted_out_sms_address_back_in_and_is_an_answer_for_everyone_else()
    {
        await PostAsync(Sms("YES"));
        Assert.Single(_host.Sink.Received);

        await PostAsync(Sms("STOP"));
        await PostAsync(Sms("YES"));

        Assert.Single(_host.Sink.Received, a => a.IsType(ActivityTypes.Message));
        Assert.False(_host.Consent.IsOptedOut(ChannelIds.Sms, Phone));
    }

    [Fact]
    public async Task Help_on_sms_is_twilios_to_answer_and_on_whatsapp_the_dialogs()
    {
        await PostAsync(Sms("HELP"));
        Assert.DoesNotContain(_host.Sink.Received, a => a.IsType(ActivityTypes.Message));

        await PostAsync(WhatsAppMessage("help"));
        Assert.Equal("help", Assert.Single(_host.Sink.Received).Text);
    }

    [Fact]
    public async Task When_the_consent_store_fails_the_keyword_is_not_acknowledged()
    {
        await _host.DisposeAsync();
        _host = await TwilioTestHost.StartAsync(consentOverride: new FailingConsent());

        using var response = await SendAsync(Sms("STOP"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private List<KeyValuePair<string, string>> Sms(string body) =>
        TwilioRequests.Sms(body, NextSid());

    private List<KeyValuePair<string, string>> WhatsAppMessage(string body) =>
        TwilioRequests.Sms(body, NextSid()).With("From", WhatsApp).With("To", "whatsapp:+15559870000");

    private string NextSid() => "SM" + (++_sid).ToString("D32", System.Globalization.CultureInfo.InvariantCulture);

    private async Task PostAsync(List<KeyValuePair<string, string>> parameters)
    {
        using var response = await SendAsync(parameters);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(List<KeyValuePair<string, string>> parameters)
    {
        using var request = TwilioRequests.Signed(parameters);
        return await _host.Client.SendAsync(request);
    }

    private sealed class FailingConsent : IMessagingConsent
    {
        public Task<bool> IsOptedOutAsync(string channelId, string address, CancellationToken cancellationToken) => throw new InvalidOperationException("down");

        public Task<bool> RecordAsync(ConsentChange change, CancellationToken cancellationToken) => throw new InvalidOperationException("down");
    }
}
