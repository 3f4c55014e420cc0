using ChannelBot.Application.Delivery;
using ChannelBot.Application.Dialogs;
using ChannelBot.Application.Routing;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>Makes a <see cref="CaseGateway"/> bound to one turn batch's database context and transaction.</summary>
internal sealed class CaseGatewayFactory(TicketNumberAllocator tickets, IDialogEngineSource engines, TimeProvider clock, AreaRouter router, CaseReceipts receipts, IOptions<DepartmentDeliveryOptions> departments)
{
    public CaseGateway Create(ChannelBotDbContext db)
    {
        var engine = engines.Current;
        return new CaseGateway(db, tickets, engine.Definitions, engine.CityTimeZone, clock, router, receipts, departments.Value);
    }
}
