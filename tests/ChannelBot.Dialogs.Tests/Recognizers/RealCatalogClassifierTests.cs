using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Tests.Support;

namespace ChannelBot.Dialogs.Tests.Recognizers;

/// <summary>The classifier on the catalog that ships in <c>dialogs/catalog.yaml</c>.</summary>
public class RealCatalogClassifierTests
{
    [Fact]
    public void The_shipped_catalog_recognizes_a_pothole_in_both_languages()
    {
        var definitions = DialogsFolder.Load();
        var classifier = new CategoryClassifier(definitions.Catalog);
        var pothole = definitions.Catalog.Services.Single(s => s.Name.Get("en").Contains("pothole", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(pothole.Code, classifier.Classify("there's a huge hole in the road on Main St", "en").Confident?.Code);
        Assert.Equal(pothole.Code, classifier.Classify("hay un bache enorme en la calle", "es").Confident?.Code);
        Assert.Empty(classifier.Classify("asdfgh qwerty zxcvbn", "en").Suggestions);
    }
}
