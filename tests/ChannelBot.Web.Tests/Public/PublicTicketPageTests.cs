using System.Net;
using System.Text.RegularExpressions;
using ChannelBot.Domain.Cases;

namespace ChannelBot.Web.Tests.Public;

/// <summary>
/// A request's page and the list as served (no JavaScript): the public history without internal notes or staff names,
/// the neighbours who follow it, a duplicate leading to its original, an unknown ticket answered 404, words typed by a
/// resident never shown, and the list filtered, limited to the period and paged in SQL by the query string.
/// </summary>
public sealed partial class PublicTicketPageTests(PublicRequestsFixture fixture) : IClassFixture<PublicRequestsFixture>
{
    [Fact]
    public async Task A_ticket_page_shows_the_public_history_and_its_followers_and_nothing_staff_only()
    {
        var report = PublicCase.Pothole("1231 N Main St", "Secret words the resident kept private") with
        {
            Moves =
            [
                (CaseStatus.Acknowledged, PublicPrivacy.StaffName, "Thanks, a crew will inspect it.", PublicPrivacy.InternalNote),
                (CaseStatus.Scheduled, PublicPrivacy.StaffName, null, "INTERNAL: budget code 44-17"),
            ],
        };
        var original = await PublicCases.FileAsync(fixture.Services, report);
        foreach (var phone in new[] { "+15550002001", "+15550002002" })
        {
            var repeat = await PublicCases.FileAsync(fixture.Services, PublicCase.Pothole("1231 N Main St", "again") with { ReporterPhone = phone, ChannelUserId = phone });
            await PublicCases.MarkDuplicateAsync(fixture.Services, repeat, original, PublicPrivacy.StaffName);
        }

        using var http = fixture.App.CreateHttpClient();

        using var response = await http.GetAsync($"/requests/{original.Ticket}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>Pothole: request {original.Ticket}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("1200 block of N Main St", page, StringComparison.Ordinal);
        Assert.Contains("Thanks, a crew will inspect it.", page, StringComparison.Ordinal);
        Assert.Equal(["Received, waiting for review", "Reviewed and sent to the right department", "Scheduled"], HistorySteps().Matches(page).Select(m => m.Groups[1].Value));
        Assert.Contains("2 neighbours follow this request.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("request-description", page, StringComparison.Ordinal);
        Assert.DoesNotContain("budget code", page, StringComparison.Ordinal);
        PublicPrivacy.AssertHoldsNothingPersonal(page, report);
        Assert.DoesNotContain("+15550002001", page, StringComparison.Ordinal);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_duplicate_ticket_leads_to_the_report_it_follows()
    {
        var original = await PublicCases.FileAsync(fixture.Services, PublicCase.Streetlight("22 Elm St", "Out."));
        var repeat = await PublicCases.FileAsync(fixture.Services, PublicCase.Streetlight("22 Elm St", "Out too."));
        await PublicCases.MarkDuplicateAsync(fixture.Services, repeat, original, PublicPrivacy.StaffName);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseAddress };

        using var response = await http.GetAsync($"/requests/{repeat.Ticket}?lang=es");
        var list = await http.GetStringAsync("/requests?service=STLIGHT&period=7");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/requests/{original.Ticket}?lang=es", response.Headers.Location?.OriginalString);
        Assert.Contains($"data-ticket=\"{original.Ticket}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-ticket=\"{repeat.Ticket}\"", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("311-2026-999999")]
    [InlineData("not-a-ticket")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task An_unknown_ticket_answers_404_with_a_way_back_to_the_list(string ticket)
    {
        using var http = fixture.App.CreateHttpClient();

        using var response = await http.GetAsync($"/requests/{ticket}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Request not found</h1>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/requests\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_a_resident_typed_for_the_place_are_listed_as_not_on_the_map_and_never_shown()
    {
        var typed = await PublicCases.FileAsync(fixture.Services, PublicCase.Graffiti("in front of Maribel Ochoa's house, 12 Birch", "Tags.") with { Typed = true });
        var pinned = await PublicCases.FileAsync(fixture.Services, new PublicCase("GRAFFITI", "Graffiti", "DPW-GRAFFITI", "1117 Oak St", "Tags.", false, TimeSpan.FromHours(1)));
        using var http = fixture.App.CreateHttpClient();

        var list = await http.GetStringAsync("/requests?service=GRAFFITI&period=7");
        var page = await http.GetStringAsync($"/requests/{typed.Ticket}");

        Assert.Matches($"data-ticket=\"{typed.Ticket}\".*?Not on the map yet", list);
        Assert.Matches($"data-ticket=\"{pinned.Ticket}\".*?1100 block of Oak St", list);
        Assert.Contains("Not on the map yet", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Maribel", list + page, StringComparison.Ordinal);
        Assert.DoesNotContain("Birch", list + page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_javascript_the_list_is_filtered_by_period_and_paged_newest_first()
    {
        // 53 recent dead-animal reports (a service no other test files) and one from two months ago.
        var filed = new List<Case>();
        for (var i = 0; i < 53; i++)
        {
            filed.Add(await PublicCases.FileAsync(fixture.Services, new PublicCase("DEADANML", "Dead animal", "SANITATION", "710 Oak St", $"Report {i}", false, TimeSpan.FromMinutes(300 - i))));
        }

        var old = await PublicCases.FileAsync(fixture.Services, new PublicCase("DEADANML", "Dead animal", "SANITATION", "710 Oak St", "Old", false, TimeSpan.FromDays(45)));
        using var http = fixture.App.CreateHttpClient();

        var first = await http.GetStringAsync("/requests?service=DEADANML");
        var second = await http.GetStringAsync("/requests?service=DEADANML&page=2");
        var quarter = await http.GetStringAsync("/requests?service=DEADANML&period=90&page=2");

        var newestFirst = filed.AsEnumerable().Reverse().Select(c => c.Ticket.ToString()).ToList();
        Assert.Equal(newestFirst[..50], Rows().Matches(first).Select(m => m.Groups[1].Value));
        Assert.Equal(newestFirst[50..], Rows().Matches(second).Select(m => m.Groups[1].Value));
        Assert.Contains("53 requests match. Showing 1–50 of 53, newest first.", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/requests?service=DEADANML&amp;page=2\"", first, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", second, StringComparison.Ordinal);
        Assert.Contains("<option value=\"DEADANML\" selected>", first, StringComparison.Ordinal);
        Assert.Equal([.. newestFirst[50..], old.Ticket.ToString()], Rows().Matches(quarter).Select(m => m.Groups[1].Value));
        Assert.Contains("<option value=\"90\" selected>", quarter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/requests?page=99999999999&period=-1&status=%00&service=%3Cscript%3E&lang=zz")]
    [InlineData("/requests?page=1001&area=%E2%80%AE%3Cb%3E")]
    [InlineData("/requests?status=open&status=closed&service=PTHOLE&service=STLIGHT")]
    [InlineData("/requests.geojson?period=99999&area=%27%3B%20DROP%20TABLE%20Cases%3B--")]
    [InlineData("/requests/311-2026-0000000000000000000001")]
    [InlineData("/requests/map/..%2F..%2Fappsettings.json")]
    public async Task A_query_the_page_does_not_understand_is_ignored_never_an_error(string path)
    {
        using var http = fixture.App.CreateHttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", ";;q=abc,*-*-*");

        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", body, StringComparison.Ordinal);
    }

    [GeneratedRegex("<li><time[^>]*>[^<]*</time>: <strong>([^<]*)</strong>")]
    private static partial Regex HistorySteps();

    [GeneratedRegex("<tr data-ticket=\"([^\"]+)\">")]
    private static partial Regex Rows();
}
