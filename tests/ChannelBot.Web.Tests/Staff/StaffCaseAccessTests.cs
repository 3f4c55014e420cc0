using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// People signed in with sessions get exactly what API keys of the same role get on <c>/api/cases</c>: a resident
/// files a pothole report (routed to DPW-STREETS) through /api/messages, and staff of each role reach for it.
/// </summary>
public sealed partial class StaffCaseAccessTests
{
    private const string Streets = "DPW-STREETS";

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_department_person_gets_403_on_another_departments_case_and_200_on_their_own(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage);
        var ticket = await FileAPotholeAsync(app, connector);
        using var admin = await StaffPeople.AdminAsync(app);
        using var streets = await StaffPeople.PersonAsync(admin, app, "sol@city.example", "department", Streets);
        using var parks = await StaffPeople.PersonAsync(admin, app, "pia@city.example", "department", "PARKS");

        using var parksRead = await parks.GetAsync($"/api/cases/{ticket}");
        using var parksChange = await parks.PostAsync($"/api/cases/{ticket}/status", new StatusChangeDto("in_progress", null, null, "not ours", null));
        using var parksAskForStreets = await parks.GetAsync($"/api/cases?department={Streets}");
        var parksList = await ListAsync(parks);
        using var streetsRead = await streets.GetAsync($"/api/cases/{ticket}");
        using var streetsChange = await streets.PostAsync($"/api/cases/{ticket}/status", new StatusChangeDto("in_progress", null, null, "Truck 12", null));

        Assert.Equal(HttpStatusCode.Forbidden, parksRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, parksChange.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, parksAskForStreets.StatusCode);
        Assert.DoesNotContain(parksList.Cases, c => c.Ticket == ticket);
        Assert.Equal(HttpStatusCode.OK, streetsRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, streetsChange.StatusCode);
        var detail = (await streetsChange.Content.ReadFromJsonAsync<CaseDetailDto>())!;
        Assert.Equal("in_progress", detail.Case.Status);
        var change = detail.History[^1];
        Assert.Equal("Person sol@city.example", change.By);
        Assert.Equal("Truck 12", change.InternalNote);
        Assert.Contains((await ListAsync(streets)).Cases, c => c.Ticket == ticket);
    }

    [Fact]
    public async Task An_operator_sees_and_changes_every_departments_cases_and_a_reader_only_reads()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage);
        var ticket = await FileAPotholeAsync(app, connector);
        using var admin = await StaffPeople.AdminAsync(app);
        using var operatorBrowser = await StaffPeople.PersonAsync(admin, app, "olga@city.example", "operator");
        using var reader = await StaffPeople.PersonAsync(admin, app, "rita@city.example", "reader");

        var operatorList = await ListAsync(operatorBrowser);
        using var readerRead = await reader.GetAsync($"/api/cases/{ticket}");
        using var readerChange = await reader.PostAsync($"/api/cases/{ticket}/status", new StatusChangeDto("in_progress", null, null, null, null));
        using var operatorChange = await operatorBrowser.PostAsync($"/api/cases/{ticket}/status", new StatusChangeDto("acknowledged", null, null, null, null));

        Assert.Contains(operatorList.Cases, c => c.Ticket == ticket && c.Department == Streets);
        Assert.Equal(HttpStatusCode.OK, readerRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerChange.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorChange.StatusCode);
        Assert.Equal("acknowledged", (await operatorChange.Content.ReadFromJsonAsync<CaseDetailDto>())!.Case.Status);
    }

    [Fact]
    public async Task A_cases_conversation_is_seen_by_exactly_those_who_see_the_case()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage);
        var ticket = await FileAPotholeAsync(app, connector);
        using var admin = await StaffPeople.AdminAsync(app);
        using var streets = await StaffPeople.PersonAsync(admin, app, "sol@city.example", "department", Streets);
        using var parks = await StaffPeople.PersonAsync(admin, app, "pia@city.example", "department", "PARKS");
        using var reader = await StaffPeople.PersonAsync(admin, app, "rita@city.example", "reader");
        using var anonymous = app.CreateHttpClient();

        using var parksRead = await parks.GetAsync($"/api/cases/{ticket}/conversation");
        using var streetsRead = await streets.GetAsync($"/api/cases/{ticket}/conversation");
        using var readerRead = await reader.GetAsync($"/api/cases/{ticket}/conversation");
        using var missing = await reader.GetAsync("/api/cases/311-2026-999999/conversation");
        using var malformed = await reader.GetAsync("/api/cases/not-a-ticket/conversation");
        using var nobody = await anonymous.GetAsync($"/api/cases/{ticket}/conversation");

        Assert.Equal(HttpStatusCode.Forbidden, parksRead.StatusCode);
        Assert.DoesNotContain("pothole", await parksRead.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, streetsRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readerRead.StatusCode);
        var json = await readerRead.Content.ReadAsStringAsync();
        var conversation = (await streetsRead.Content.ReadFromJsonAsync<CaseConversationDto>())!;
        Assert.Equal("hi", conversation.Messages[0].Text);
        Assert.Equal("resident", conversation.Messages[0].Direction);
        Assert.Contains(conversation.Messages, m => m.Direction == "bot" && m.Text?.Contains(ticket, StringComparison.Ordinal) == true);

        // The resident's channel account and the conversation's address are not in it.
        Assert.DoesNotContain("resident-1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-access-", json, StringComparison.Ordinal);
    }

    private static async Task<string> FileAPotholeAsync(ChannelBotApp app, FakeConnector connector)
    {
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "staff-access-" + Guid.NewGuid().ToString("N"));
        await PotholeScript.StartAsync(resident);
        return Ticket().Match(await PotholeScript.FinishAsync(resident)).Value;
    }

    private static async Task<CasePageDto> ListAsync(StaffBrowser browser)
    {
        using var response = await browser.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CasePageDto>())!;
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
