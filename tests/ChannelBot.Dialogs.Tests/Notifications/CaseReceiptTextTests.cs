using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Loading;
using ChannelBot.Dialogs.Notifications;
using ChannelBot.Dialogs.Tests.Loading;

namespace ChannelBot.Dialogs.Tests.Notifications;

/// <summary>The receipt email's words come from dialogs/strings, in the report's language, with the place as the resident gave it.</summary>
public sealed class CaseReceiptTextTests
{
    private static readonly Lazy<DialogDefinitions> _definitions = new(() => DialogDefinitionsLoader.Load(RepositoryDialogs.Files));

    [Fact]
    public void The_English_receipt_names_the_ticket_the_service_the_place_what_happens_next_and_how_to_check()
    {
        var notice = new CaseReceiptNotice("311-2026-000123", "PTHOLE", "123 Main St", 39.78, -89.65, "en");

        Assert.Equal("City of Springfield 311: we received your Pothole report 311-2026-000123", CaseReceiptText.Subject(_definitions.Value, notice));
        var body = CaseReceiptText.Body(_definitions.Value, notice);
        Assert.Contains("Report number: 311-2026-000123\nProblem: Pothole\nPlace: 123 Main St\n", body, StringComparison.Ordinal);
        Assert.Contains("What happens next:", body, StringComparison.Ordinal);
        Assert.Contains("send STATUS 311-2026-000123", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Spanish_receipt_is_in_Spanish_and_tells_to_send_ESTADO()
    {
        var notice = new CaseReceiptNotice("311-2026-000123", "PTHOLE", "calle Reforma", null, null, "es");

        Assert.Equal("311 de Ciudad de Springfield: recibimos su reporte de Bache 311-2026-000123", CaseReceiptText.Subject(_definitions.Value, notice));
        var body = CaseReceiptText.Body(_definitions.Value, notice);
        Assert.Contains("Número de reporte: 311-2026-000123\nProblema: Bache\nLugar: calle Reforma\n", body, StringComparison.Ordinal);
        Assert.Contains("envíe ESTADO 311-2026-000123", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(39.781234, -89.650987, "en", "Place: 39.78123, -89.65099\n")]
    [InlineData(null, null, "en", "Place: no address given\n")]
    [InlineData(null, null, "es", "Lugar: sin dirección\n")]
    public void A_place_without_an_address_is_the_pin_or_says_none_was_given(double? latitude, double? longitude, string language, string expected)
    {
        var body = CaseReceiptText.Body(_definitions.Value, new CaseReceiptNotice("311-2026-000123", "PTHOLE", null, latitude, longitude, language));

        Assert.Contains(expected, body, StringComparison.Ordinal);
    }
}
