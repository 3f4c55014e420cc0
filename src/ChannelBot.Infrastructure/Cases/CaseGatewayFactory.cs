using ChannelBot.Application.Delivery;
using ChannelBot.Application.Dialogs;
using ChannelBot.Application.Routing;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>Makes a <see cref="CaseGateway"/> bound to one turn batch's database context and transaction.</summary>
internal sealed class CaseGatewayFactory(TicketNumberAllocator tickets, IDialogEngineSource engines, TimeProvider clock, AreaRouter router, CaseReceipts receipts, IOptions<DepartmentDeliveryOptions> departments)
{
    /// <param name="outsideConversation">The cases are filed for residents who are not in a conversation with the bot (Open311, a call taker): they get a text receipt when they chose SMS.</param>
    public CaseGateway Create(ChannelBotDbContext db, bool outsideConversation = false)
    {
        var engine = engines.Current;
        return new CaseGateway(db, tickets, engine.Definitions, engine.CityTimeZone, clock, router, receipts, departments.Value, outsideConversation);
    }
}
