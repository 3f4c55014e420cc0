using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

/// <summary>The engine runs turns of many conversations at once: shared recognizers must give the same answers.</summary>
public class RecognizersInParallelTests
{
    private static readonly DateTime Now = new(2026, 3, 16, 15, 30, 0);

    private static readonly (string Text, string Language)[] Messages =
    [
        ("since last Tuesday at 5pm", "en"), ("anoche", "es"), ("hay un bache enorme en la calle", "es"),
        ("the light is out on my street", "en"), ("yesterday", "es"), ("hoy", "en"), ("2 hours ago", "en"),
        ("someone dumped a mattress in the alley", "en"), ("about 5 days", "en"), ("tres", "en"),
        ("text me at (202) 555-0143 or ana@example.org", "en"), ("mi número es +34 612 345 678", "es"),
    ];

    [Fact]
    public void Many_conversations_at_once_get_the_answers_one_conversation_gets()
    {
        var classifier = new CategoryClassifier(TestCatalog.Build());
        var expected = Messages.Select(m => Describe(classifier, m.Text, m.Language)).ToArray();

        var actual = new string[Messages.Length * 8];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (text, language) = Messages[i % Messages.Length];
            actual[i] = Describe(classifier, text, language);
        });

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % Messages.Length], actual[i]);
        }
    }

    private static string Describe(CategoryClassifier classifier, string text, string language)
    {
        var category = classifier.Classify(text, language);
        var suggestions = string.Join(",", category.Suggestions.Select(s => $"{s.Service.Code}:{s.Score}"));
        return $"{DateTimeRecognizer.Recognize(text, language, Now)} | {NumberRecognizer.Recognize(text, language)} | "
            + $"{category.Confident?.Code} {suggestions} | {ContactRecognizer.FindPhoneE164(text)} {ContactRecognizer.FindEmail(text)}";
    }
}
