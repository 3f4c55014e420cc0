using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class TicketNumberRecognizerTests
{
    [Theory]
    [InlineData("311-2026-000123", "311-2026-000123")]
    [InlineData("status of 311-2026-000123?", "311-2026-000123")]
    [InlineData("311 2026 000123", "311-2026-000123")]
    [InlineData("#311-2026-123", "311-2026-000123")]
    [InlineData("311-2026-123", "311-2026-000123")]
    [InlineData("311/2026/42", "311-2026-000042")]
    [InlineData("311.2026.42", "311-2026-000042")]
    [InlineData("311–2026–42", "311-2026-000042")]
    [InlineData("3112026000123", "311-2026-000123")]
    [InlineData("311-2026000123", "311-2026-000123")]
    [InlineData("my case is 2026-000123", "311-2026-000123")]
    [InlineData("estado del caso 311 2026 7", "311-2026-000007")]
    public void A_case_number_is_found_and_made_canonical(string text, string expected)
    {
        Assert.Equal(expected, TicketNumberRecognizer.Find(text, "311"));
    }

    [Theory]
    [InlineData("SR-2026-7", "SR-2026-000007")]
    [InlineData("sr 2026 000007", "SR-2026-000007")]
    public void A_letter_prefix_matches_in_any_case(string text, string expected)
    {
        Assert.Equal(expected, TicketNumberRecognizer.Find(text, "SR"));
    }

    [Theory]
    [InlineData("on 2026-03-12 at noon")]
    [InlineData("311-26-123")]
    [InlineData("311-2026-1234567")]
    [InlineData("31120261234")]
    [InlineData("311-2026-000000")]
    [InlineData("my phone is 202-555-0143")]
    [InlineData("since 2026 there were 120000 complaints")]
    [InlineData("call 311 now")]
    [InlineData("4311-2026-000123")]
    [InlineData("")]
    public void Other_numbers_are_not_case_numbers(string text)
    {
        Assert.Null(TicketNumberRecognizer.Find(text, "311"));
    }
}
