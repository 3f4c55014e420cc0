using ChannelBot.Domain.Cases;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChannelBot.Infrastructure.Persistence.Conversion;

/// <summary>Stores a ticket number as the text residents quote (<c>311-2026-000123</c>).</summary>
public sealed class TicketNumberConverter : ValueConverter<TicketNumber, string>
{
    public TicketNumberConverter()
        : base(ticket => ticket.ToString(), text => TicketNumber.Parse(text))
    {
    }
}
