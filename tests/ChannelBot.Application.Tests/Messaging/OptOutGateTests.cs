using System.Text.Json;
using ChannelBot.Application.Messaging;
using ChannelBot.Schema;

namespace ChannelBot.Application.Tests.Messaging;

/// <summary>The send-time consent check every sender asks: opted out → refused with a reason, except the confirmation.</summary>
public sealed class OptOutGateTests
{
    private readonly OptedOutAddresses _consent = new();

    [Fact]
    public async Task An_address_that_opted_out_is_refused_on_that_channel_only()
    {
        _consent.OptedOut.Add(("sms", "+15551230000"));
        var gate = new OptOutGate(_consent);

        var refused = await gate.RefusalAsync("sms", "+15551230000", Message(), CancellationToken.None);
        var otherChannel = await gate.RefusalAsync("whatsapp", "+15551230000", Message(), CancellationToken.None);
        var otherAddress = await gate.RefusalAsync("sms", "+15559990000", Message(), CancellationToken.None);

        Assert.NotNull(refused);
        Assert.Contains("opted out", refused, StringComparison.Ordinal);
        Assert.Null(otherChannel);
        Assert.Null(otherAddress);
    }

    [Fact]
    public async Task The_confirmation_of_the_opt_out_still_goes_and_nothing_else_marked_otherwise_does()
    {
        _consent.OptedOut.Add(("facebook", "psid-1"));
        var gate = new OptOutGate(_consent);
        var confirmation = Message();
        confirmation.ChannelData = JsonSerializer.SerializeToElement(new Dictionary<string, bool> { [ConsentConfirmation.Marker] = true });
        var notAConfirmation = Message();
        notAConfirmation.ChannelData = JsonSerializer.SerializeToElement(new Dictionary<string, bool> { [ConsentConfirmation.Marker] = false });

        Assert.Null(await gate.RefusalAsync("facebook", "psid-1", confirmation, CancellationToken.None));
        Assert.NotNull(await gate.RefusalAsync("facebook", "psid-1", notAConfirmation, CancellationToken.None));
    }

    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "Update on your report" };

    /// <summary>The consent port over a set of (channel, address) pairs.</summary>
    private sealed class OptedOutAddresses : IMessagingConsent
    {
        public HashSet<(string Channel, string Address)> OptedOut { get; } = [];

        public Task<bool> IsOptedOutAsync(string channelId, string address, CancellationToken cancellationToken) =>
            Task.FromResult(OptedOut.Contains((channelId, address)));

        public Task<bool> RecordAsync(ConsentChange change, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the gate only reads consent");
    }
}
