using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>The staff list's text filter (<c>q</c>) finds a case by its ticket, whole or in part, on both databases.</summary>
public sealed partial class StaffCaseTicketSearchTests
{
    private const string OperatorKey = "operator-key-0123456789abcdef0123456789";

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task The_text_filter_matches_a_whole_ticket_and_a_part_of_one(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?>
        {
            ["Staff:ApiKeys:0:Name"] = "Olga Operator",
            ["Staff:ApiKeys:0:Key"] = OperatorKey,
            ["Staff:ApiKeys:0:Role"] = "operator",
        });
        using var residents = app.CreateHttpClient();
        var first = await FileAPotholeAsync(residents, connector);
        var second = await FileAPotholeAsync(residents, connector);
        using var http = app.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", OperatorKey);

        var whole = await ListAsync(http, second);
        var tail = await ListAsync(http, second[^4..]);
        var prefix = await ListAsync(http, second[..8]);
        var none = await ListAsync(http, "311-1999");

        Assert.Equal(second, Assert.Single(whole.Cases).Ticket);
        Assert.Equal(second, Assert.Single(tail.Cases).Ticket);
        Assert.Equal([second, first], prefix.Cases.Select(c => c.Ticket));
        Assert.Empty(none.Cases);
    }

    private static async Task<CasePageDto> ListAsync(HttpClient http, string text) =>
        (await http.GetFromJsonAsync<CasePageDto>("/api/cases?q=" + Uri.EscapeDataString(text)))!;

    private static async Task<string> FileAPotholeAsync(HttpClient http, FakeConnector connector)
    {
        var resident = new EmulatorClient(http, connector, "ticket-search-" + Guid.NewGuid().ToString("N"));
        await PotholeScript.StartAsync(resident);
        return Ticket().Match(await PotholeScript.FinishAsync(resident)).Value;
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
