using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;

namespace ChannelBot.Domain.Tests.Cases;

public class TicketNumberTests
{
    [Fact]
    public void A_ticket_number_reads_prefix_year_and_a_six_digit_sequence()
    {
        Assert.Equal("311-2026-000123", TicketNumber.Create("311", 2026, 123).ToString());
    }

    [Fact]
    public void A_sequence_past_six_digits_just_grows()
    {
        Assert.Equal("311-2026-1234567", TicketNumber.Create("311", 2026, 1_234_567).ToString());
    }

    [Theory]
    [InlineData("311-2026-000123", "311", 2026, 123)]
    [InlineData("311-2026-123", "311", 2026, 123)]
    [InlineData("  311-2026-000123 ", "311", 2026, 123)]
    [InlineData("sr-2027-000001", "SR", 2027, 1)]
    [InlineData("NYC-311-2026-000042", "NYC-311", 2026, 42)]
    public void Parsing_reads_the_parts(string text, string prefix, int year, long sequence)
    {
        var ticket = TicketNumber.Parse(text);

        Assert.Equal((prefix, year, sequence), (ticket.Prefix, ticket.Year, ticket.Sequence));
    }

    [Theory]
    [InlineData("")]
    [InlineData("311")]
    [InlineData("311-2026")]
    [InlineData("2026-000123")]
    [InlineData("-2026-000123")]
    [InlineData("311-26-000123")]
    [InlineData("311-2026-")]
    [InlineData("311-2026-000000")]
    [InlineData("311-2026-12a")]
    [InlineData("311-2026--5")]
    [InlineData("31 1-2026-000123")]
    [InlineData("311-0999-000123")]
    [InlineData("311-2026-1234567890123456789")]
    public void Text_that_is_not_a_ticket_number_does_not_parse(string text)
    {
        Assert.False(TicketNumber.TryParse(text, out _));
        Assert.Throws<FormatException>(() => TicketNumber.Parse(text));
    }

    [Fact]
    public void Null_does_not_parse()
    {
        Assert.False(TicketNumber.TryParse(null, out _));
    }

    [Fact]
    public void Formatting_and_parsing_round_trip()
    {
        var ticket = TicketNumber.Create("311", 2026, 987_654);

        Assert.Equal(ticket, TicketNumber.Parse(ticket.ToString()));
    }

    [Fact]
    public void Equal_tickets_are_equal_whatever_the_padding_or_prefix_case()
    {
        Assert.Equal(TicketNumber.Parse("sr-2026-000007"), TicketNumber.Parse("SR-2026-7"));
        Assert.Equal(TicketNumber.Parse("sr-2026-000007").GetHashCode(), TicketNumber.Parse("SR-2026-7").GetHashCode());
        Assert.NotEqual(TicketNumber.Parse("311-2026-000007"), TicketNumber.Parse("311-2025-000007"));
        Assert.NotEqual(TicketNumber.Parse("311-2026-000007"), TicketNumber.Parse("311-2026-000008"));
    }

    [Theory]
    [InlineData("", 2026, 1)]
    [InlineData("3 1", 2026, 1)]
    [InlineData("ABCDEFGHIJKLMNOPQ", 2026, 1)]
    [InlineData("311", 26, 1)]
    [InlineData("311", 2026, 0)]
    public void Creating_a_malformed_ticket_number_is_refused(string prefix, int year, long sequence)
    {
        Assert.Throws<DomainException>(() => TicketNumber.Create(prefix, year, sequence));
    }
}
