using ChannelBot.Application.Dialogs;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Hosting;

/// <summary>
/// A city edits dialogs/ while the app runs (Dialogs:ReloadOnChange): the files are loaded again, the understanding
/// models are built again from the new examples, and the next resident is understood by them.
/// </summary>
public sealed class DialogReloadTests
{
    /// <summary>A request type the repository's catalog does not have, with the examples the city would write.</summary>
    private const string ShoppingCarts = """

          - code: CARTS
            name: { en: "Shopping carts", es: "Carritos de compras" }
            description:
              en: Shopping carts left on streets, sidewalks, lawns or in the river, away from their store.
              es: Carritos de supermercado abandonados en calles, aceras, jardines o en el río, lejos de su tienda.
            group: general
            department: CUSTOMER-SERVICE
            sla: { days: 5, type: business }
            notice:
              en: The store that owns the carts will be asked to collect them.
              es: Se pedirá a la tienda dueña de los carritos que los recoja.
            photos: optional
            keywords:
              en: [shopping cart, shopping carts, grocery cart]
              es: [carrito de compras, carritos del súper]
            examples:
              en:
                - "three shopping carts from the grocery store have been sitting at the bus stop for a week"
                - "someone keeps leaving supermarket trolleys on our front lawn"
                - "there's a cart from the Walmart tipped over in the creek behind the apartments"
                - "abandoned store carts all along Elm, the store never comes to get them"
                - "grocery carts piled up in the alley next to the laundromat"
                - "a shopping cart full of junk has been left on the sidewalk outside my building"
              es:
                - "hay tres carritos del supermercado abandonados en la parada del camión desde hace una semana"
                - "siempre dejan carritos de la tienda en el jardín de enfrente"
                - "un carrito del súper está tirado en el arroyo detrás de los departamentos"
                - "carritos de compras abandonados por toda la calle Elm, la tienda no viene por ellos"
                - "carritos del mercado amontonados en el callejón junto a la lavandería"
        """;

    [Fact]
    public async Task A_service_added_while_the_app_runs_is_recognised_from_the_next_description()
    {
        var folder = Directory.CreateTempSubdirectory("channelbot-dialogs-");
        try
        {
            CopyFolder(RepositoryDialogs.Path, folder.FullName);
            await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
            using var connector = new FakeConnector();
            await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?>
            {
                ["Dialogs:Path"] = folder.FullName,
                ["Dialogs:ReloadOnChange"] = "true",
            });
            using var http = app.CreateHttpClient();
            const string description = "the store carts keep ending up abandoned in front of the school on Oak Ave";

            var before = new EmulatorClient(http, connector, "before-" + Guid.NewGuid().ToString("N"));
            var first = await before.SayAsync(description);
            Assert.DoesNotContain("Shopping carts", first.Text ?? string.Empty, StringComparison.Ordinal);

            var catalog = Path.Combine(folder.FullName, "catalog.yaml");
            await File.AppendAllTextAsync(catalog, ShoppingCarts);
            await WaitForServiceAsync(app.Services.GetRequiredService<IDialogEngineSource>(), "CARTS");

            var after = new EmulatorClient(http, connector, "after-" + Guid.NewGuid().ToString("N"));
            var reply = await after.SayAsync(description);

            // Taken at once, or at least the first of the suggestions.
            var firstSuggestion = reply.SuggestedActions?.Actions?.FirstOrDefault()?.Title;
            Assert.True(
                reply.Text?.Contains("Shopping carts report. Got it.", StringComparison.Ordinal) == true || firstSuggestion == "Shopping carts",
                $"{reply.Text} [{string.Join(", ", reply.SuggestedActions?.Actions?.Select(a => a.Title) ?? [])}]");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task WaitForServiceAsync(IDialogEngineSource source, string code)
    {
        // The reload embeds the new examples and trains again: seconds, not milliseconds, on a busy machine.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (source.Current.Definitions.Catalog.Find(code) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The dialog files were not reloaded with {code}.");
            await Task.Delay(50);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
