using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>Changes that residents hear about: status changes and the 'is it fixed?' answers, assignment, recategorising and duplicates.</summary>
public sealed partial class StaffApiTests
{
    [Fact]
    public async Task A_status_change_is_recorded_and_the_resident_hears_it_on_their_channel()
    {
        var before = _connector.SentTo(_resident.ConversationId).Count;

        using var response = await PostStatusAsync(OperatorKey, new StatusChangeDto("in_progress", null, "A crew is on the way.", "Truck 12", null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<CaseDetailDto>())!;
        Assert.Equal("in_progress", detail.Case.Status);
        var change = detail.History[^1];
        Assert.Equal("Olga Operator", change.By);
        Assert.Equal("Truck 12", change.InternalNote);

        var sent = await WaitForSentAsync(before + 1);
        var update = sent[^1];
        Assert.Contains(_ticket, update.Text, StringComparison.Ordinal);
        Assert.Contains("working on it", update.Text, StringComparison.Ordinal);
        Assert.Contains("A crew is on the way.", update.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Truck 12", update.Text, StringComparison.Ordinal);
        Assert.Null(update.ReplyToId);

        // Staff see the message on the case, and that it went out.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var seen = await GetAsync<CaseDetailDto>($"/api/cases/{_ticket}", OperatorKey);
            var message = Assert.Single(seen.Messages, m => m.Text == update.Text);
            Assert.Equal("emulator", message.ChannelId);
            if (message.Status == "sent")
            {
                Assert.NotNull(message.SentAt);
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The message is still {message.Status}.");
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task A_resident_who_answers_no_to_is_it_fixed_reopens_the_case_with_their_words()
    {
        var before = _connector.SentTo(_resident.ConversationId).Count;
        using var fixedResponse = await PostStatusAsync(OperatorKey, new StatusChangeDto("fixed", null, null, null, null));
        Assert.Equal(HttpStatusCode.OK, fixedResponse.StatusCode);
        var question = (await WaitForSentAsync(before + 1))[^1];
        Assert.Contains("Is it fixed? Reply 1 for yes, 2 for no.", question.Text, StringComparison.Ordinal);

        var answer = await _resident.SayAsync("2 - the hole is still there");

        Assert.Contains("reopened report " + _ticket, answer.Text, StringComparison.Ordinal);
        var detail = await GetAsync<CaseDetailDto>($"/api/cases/{_ticket}", OperatorKey);
        Assert.Equal("reopened", detail.Case.Status);
        var reopened = detail.History[^1];
        Assert.Equal("resident", reopened.By);
        Assert.Equal("2 - the hole is still there", reopened.PublicNote);
    }

    [Fact]
    public async Task A_resident_who_answers_yes_to_is_it_fixed_is_thanked_and_the_case_stays_fixed()
    {
        var before = _connector.SentTo(_resident.ConversationId).Count;
        using var fixedResponse = await PostStatusAsync(OperatorKey, new StatusChangeDto("fixed", null, null, null, null));
        await WaitForSentAsync(before + 1);

        var answer = await _resident.SayAsync("1");

        Assert.Contains("Thank you", answer.Text, StringComparison.Ordinal);
        var detail = await GetAsync<CaseDetailDto>($"/api/cases/{_ticket}", OperatorKey);
        Assert.Equal("fixed", detail.Case.Status);
    }

    [Fact]
    public async Task Assigning_is_recorded_and_shown_on_the_case()
    {
        using var response = await PostAsync($"/api/cases/{_ticket}/assignee", OperatorKey, new AssignDto("Crew 12", "tomorrow 7am", null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<CaseDetailDto>())!;
        Assert.Equal("Crew 12", detail.Case.Assignee);
        Assert.Equal("received", detail.Case.Status);
        var entry = detail.History[^1];
        Assert.Equal("assigned", entry.Kind);
        Assert.Equal("assigned to Crew 12", entry.Detail);
        Assert.Equal("Olga Operator", entry.By);
    }

    [Fact]
    public async Task Recategorising_reroutes_the_case_and_the_old_department_loses_it()
    {
        using var response = await PostAsync($"/api/cases/{_ticket}/category", StreetsKey, new RecategoriseDto("GRAFFITI", "it is paint, not a hole", null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<CaseDetailDto>())!;
        Assert.Equal("GRAFFITI", detail.Case.ServiceCode);
        Assert.Equal("DPW-GRAFFITI", detail.Case.Department);
        Assert.Equal("recategorised", detail.History[^1].Kind);
        Assert.Equal("PTHOLE → GRAFFITI; routed DPW-STREETS → DPW-GRAFFITI", detail.History[^1].Detail);
        using var afterwards = await SendAsync(HttpMethod.Get, $"/api/cases/{_ticket}", StreetsKey);
        Assert.Equal(HttpStatusCode.Forbidden, afterwards.StatusCode);
    }

    [Fact]
    public async Task An_unknown_service_code_is_refused_with_422()
    {
        using var response = await PostAsync($"/api/cases/{_ticket}/category", OperatorKey, new RecategoriseDto("NOPE", null, null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task A_duplicate_s_reporter_is_told_and_then_follows_the_original()
    {
        var neighbour = new EmulatorClient(_http, _connector, "staff-dup-" + Guid.NewGuid().ToString("N"), userId: "resident-2");
        await PotholeScript.StartAsync(neighbour);
        var duplicate = Ticket().Match(await PotholeScript.FinishAsync(neighbour)).Value;
        var neighbourBefore = _connector.SentTo(neighbour.ConversationId).Count;

        using var marked = await PostAsync($"/api/cases/{duplicate}/duplicate", OperatorKey, new DuplicateDto(_ticket, null, null, null));

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var detail = (await marked.Content.ReadFromJsonAsync<CaseDetailDto>())!;
        Assert.Equal("closed", detail.Case.Status);
        Assert.Equal("duplicate", detail.Case.ClosureReason);
        Assert.Equal(_ticket, detail.Case.DuplicateOf);
        var told = await WaitForSentAsync(neighbour.ConversationId, neighbourBefore + 1);
        Assert.Contains("someone else already reported", told[^1].Text, StringComparison.Ordinal);

        using var started = await PostStatusAsync(OperatorKey, new StatusChangeDto("in_progress", null, null, null, null));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var followed = await WaitForSentAsync(neighbour.ConversationId, neighbourBefore + 2);
        Assert.Contains(duplicate, followed[^1].Text, StringComparison.Ordinal);
        Assert.Contains("working on it", followed[^1].Text, StringComparison.Ordinal);
    }
}
