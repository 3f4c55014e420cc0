using System.Net;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Open311;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// Call-taker intake through the real app on the sample city's map: an operator files a caller's pothole, which is
/// placed, routed by area, texted to the caller as a receipt at the fake Twilio and, after a status change, as an
/// update; a nearby open pothole is offered first and the caller can be linked to it; a number that texted STOP is
/// never written to; bad answers are named by field; only operators file; a report sent twice files one case.
/// </summary>
public sealed partial class PhoneIntakeTests
{
    /// <summary>The department the routing rule below sends potholes anywhere in the city's wards to (the catalog says DPW-STREETS).</summary>
    private const string RoutedDepartment = "CUSTOMER-SERVICE";

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_phone_call_case_is_routed_and_the_caller_is_texted_its_receipt_and_a_later_update(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, Settings(twilio));
        using var http = app.CreateHttpClient();
        var caller = new SmsPhone(http, twilio, "+14135550142");

        var (status, filed) = await new PhoneIntakeClient(http).PostAsync(PhoneIntakeClient.Pothole("(413) 555-0142"));
        var ticket = PhoneIntakeClient.Ticket(filed);
        var receipt = await caller.WaitForTextAsync(1);
        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");
        var update = await caller.WaitForTextAsync(2);
        var detail = await StaffApi.GetCaseAsync(http, ticket);

        Assert.Equal(201, status);
        Assert.False(filed.GetProperty("alreadyFiled").GetBoolean());
        Assert.Contains("3 business days", filed.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(RoutedDepartment, detail.Case.Department);
        Assert.Equal("phone", detail.Case.ChannelId);
        Assert.Equal("1250 N Main St", detail.Case.Address);
        Assert.NotNull(detail.Case.Latitude);
        Assert.Equal("+14135550142", detail.Reporter.Phone);
        Assert.Equal("Pat Caller", detail.Reporter.Name);
        Assert.True(detail.ConsentToUpdates);
        Assert.Equal("sms", detail.UpdatesBy);
        Assert.Equal(["curb"], detail.Attributes.Single(a => a.Code == "WHERE_IN_ROAD").Values);
        Assert.Equal("Very deep, Cars swerve", detail.Attributes.Single(a => a.Code == "HAZARDS").Display);
        Assert.Equal("Olga Operator", detail.History[0].By);
        Assert.Contains("Taken by phone by Olga Operator; the caller agreed", detail.History[0].InternalNote, StringComparison.Ordinal);
        Assert.Contains(ticket, receipt, StringComparison.Ordinal);
        Assert.Contains("Pothole", receipt, StringComparison.Ordinal);
        Assert.Contains("Reply STOP", receipt, StringComparison.Ordinal);
        Assert.Contains(ticket, update, StringComparison.Ordinal);
        Assert.Contains("working on it", update, StringComparison.Ordinal);
        Assert.DoesNotContain("Reply 1", update, StringComparison.Ordinal);
        Assert.Equal(2, twilio.ReceivedBy(caller.Number).Count);
    }

    [Fact]
    public async Task A_nearby_open_case_is_offered_and_the_caller_linked_to_it_hears_its_updates()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, Settings(twilio));
        using var http = app.CreateHttpClient();
        var client = new PhoneIntakeClient(http);
        var first = await client.FileAsync(PhoneIntakeClient.Pothole("+14135550151"));
        var second = new SmsPhone(http, twilio, "+14135550152");
        var nearby = PhoneIntakeClient.Pothole(second.Number, address: null!) with { Latitude = 42.113656, Longitude = -72.589855 };

        var (offered, conflict) = await client.PostAsync(nearby);
        var (linked, linkedBody) = await client.PostAsync(nearby with { FollowTicket = first });
        var (anyway, anywayBody) = await client.PostAsync(nearby with { NotADuplicate = true, CallerPhone = "+14135550153" });
        await StaffApi.ChangeStatusAsync(http, first, "scheduled");
        var heard = await second.WaitForTextAsync(2);

        Assert.Equal(409, offered);
        var candidate = Assert.Single(conflict.GetProperty("possibleDuplicates").EnumerateArray());
        Assert.Equal(first, candidate.GetProperty("ticket").GetString());
        Assert.True(candidate.GetProperty("distanceMetres").GetDouble() < 50);
        Assert.Equal(201, linked);
        Assert.Equal(first, linkedBody.GetProperty("case").GetProperty("case").GetProperty("duplicateOf").GetString());
        Assert.Contains(first, linkedBody.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(201, anyway);
        Assert.Null(anywayBody.GetProperty("case").GetProperty("case").GetProperty("duplicateOf").GetString());
        Assert.Equal(3, (await CaseRows.AllAsync(app.Services)).Count);
        // The linked caller's own report (closed as the duplicate) is what their texts name.
        Assert.Contains(PhoneIntakeClient.Ticket(linkedBody), heard, StringComparison.Ordinal);
        Assert.Contains("scheduled", heard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_that_texted_STOP_is_not_written_to_though_an_operator_gave_it()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, Settings(twilio));
        using var http = app.CreateHttpClient();
        var caller = new SmsPhone(http, twilio, "+14135550160");
        await caller.SendAsync("STOP");

        var ticket = await new PhoneIntakeClient(http).FileAsync(PhoneIntakeClient.Pothole(caller.Number));
        await StaffApi.ChangeStatusAsync(http, ticket, "acknowledged");
        List<CaseMessageDto> messages = [];
        await Eventually.HoldsAsync(async () =>
        {
            messages = [.. (await StaffApi.GetCaseAsync(http, ticket)).Messages.Where(m => m.ChannelId != "department-webhook")];
            return messages.Count == 2 && messages.All(m => m.Status != "pending");
        });

        // The receipt was refused at send time; the update was never written to the number (staff see why).
        Assert.Empty(twilio.ReceivedBy(caller.Number));
        var receipt = Assert.Single(messages, m => m.Text!.Contains("Reply STOP", StringComparison.Ordinal));
        Assert.Equal("sms", receipt.ChannelId);
        Assert.Equal("failed", receipt.Status);
        Assert.All(messages, m => Assert.Contains("opted out", m.Error ?? string.Empty, StringComparison.OrdinalIgnoreCase));
    }

    internal static Dictionary<string, string?> Settings(FakeTwilio twilio)
    {
        var settings = Open311ServerTests.Settings(twilio.Settings);
        settings["Routing:Areas:0:GeoJsonPath"] = Path.Combine(RepositoryDialogs.SampleCity, "wards.geojson");
        settings["Routing:Areas:0:Services:0"] = "PTHOLE";
        settings["Routing:Areas:0:Department"] = RoutedDepartment;
        return settings;
    }
}
