using System.Net.Http.Headers;
using ChannelBot.Domain.Cases;

namespace ChannelBot.Web.Tests.Public;

/// <summary>
/// The public pages in Spanish: with <c>?lang=es</c> (which links and the filter form then keep) or from the browser's
/// Accept-Language; their own sentences from PublicStrings.es.resx, the statuses as the bot says them in Spanish
/// (dialogs/strings/es.yaml), the catalog's Spanish names, dates written the Spanish way, places "cuadra 1200 de".
/// </summary>
public sealed class PublicRequestsSpanishTests(PublicRequestsFixture fixture) : IClassFixture<PublicRequestsFixture>
{
    [Fact]
    public async Task With_lang_es_the_list_is_in_spanish_and_its_links_and_form_keep_the_language()
    {
        var pothole = await PublicCases.FileAsync(fixture.Services, PublicCase.Pothole("1231 N Main St", "x"));
        using var http = fixture.App.CreateHttpClient();

        var page = await http.GetStringAsync("/requests?lang=es");

        Assert.Contains("<html lang=\"es\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Solicitudes al 311</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"filter-service\">Servicio</label>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"30\" selected>los últimos 30 días</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"in_progress\">En proceso</option>", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"es\">", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/requests/{pothole.Ticket}?lang=es\">", page, StringComparison.Ordinal);
        Assert.Contains("<td>Bache</td>", page, StringComparison.Ordinal);
        Assert.Contains("Recibido, en espera de revisión", page, StringComparison.Ordinal);
        Assert.Contains("cuadra 1200 de N Main St", page, StringComparison.Ordinal);
        Assert.Contains("17 jun 2026", page, StringComparison.Ordinal);
        Assert.Contains("Descargar estas solicitudes en GeoJSON", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/requests.geojson?lang=es\"", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\" hreflang=\"en\">English</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Requests to 311", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_browsers_language_picks_spanish_and_a_ticket_page_follows_it()
    {
        var light = await PublicCases.FileAsync(fixture.Services, PublicCase.Streetlight("364 Maple St", "La farola parpadea.", descriptionPublic: true) with
        {
            Moves = [(CaseStatus.InProgress, PublicPrivacy.StaffName, "Una cuadrilla está en camino.", PublicPrivacy.InternalNote)],
        });
        using var http = fixture.App.CreateHttpClient();
        http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es-MX"));
        http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en", 0.5));

        using var response = await http.GetAsync($"/requests/{light.Ticket}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"es\">", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>Farola apagada: solicitud {light.Ticket}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"history-heading\">Lo que pasó</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"description-heading\">Lo que reportó el vecino</h2>", page, StringComparison.Ordinal);
        Assert.Contains("En proceso", page, StringComparison.Ordinal);
        Assert.Contains("Nota de la ciudad: Una cuadrilla está en camino.", page, StringComparison.Ordinal);
        Assert.Contains("cuadra 300 de Maple St", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/requests\">Todas las solicitudes</a>", page, StringComparison.Ordinal);   // no ?lang: the browser says it
        Assert.Contains("Accept-Language", response.Headers.Vary);
        PublicPrivacy.AssertHoldsNothingPersonal(page);
    }

    [Theory]
    [InlineData("fr-FR, de;q=0.8")]
    [InlineData("")]
    [InlineData("es;q=0, en;q=0.1")]
    public async Task Any_other_browser_language_gets_english(string acceptLanguage)
    {
        using var http = fixture.App.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/requests");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await http.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Requests to 311</h1>", page, StringComparison.Ordinal);
    }
}
