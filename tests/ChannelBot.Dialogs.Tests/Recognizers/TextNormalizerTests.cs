using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("¡Sí!", "si")]
    [InlineData("  Hola,   MUNDO  ", "hola mundo")]
    [InlineData("It's", "its")]
    [InlineData("it’s", "its")]
    [InlineData("2º", "2o")]
    [InlineData("la 2ª", "la 2a")]
    [InlineData("Año", "ano")]
    [InlineData("Ciclovía", "ciclovia")]
    [InlineData("#2.", "2")]
    [InlineData("1,3", "1 3")]
    [InlineData("fire-hydrant", "fire hydrant")]
    [InlineData("cafe\u0301", "cafe")]
    [InlineData("👍 yes", "yes")]
    [InlineData("\tline one\nline two\r\n", "line one line two")]
    [InlineData("already normalized", "already normalized")]
    [InlineData("", "")]
    [InlineData("?!...", "")]
    public void Text_is_lower_cased_without_accents_or_punctuation(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Null_is_empty()
    {
        Assert.Equal(string.Empty, TextNormalizer.Normalize(null));
        Assert.Empty(TextNormalizer.Words(null));
    }

    [Fact]
    public void Words_are_the_normalized_words()
    {
        Assert.Equal(["el", "semaforo", "esta", "roto"], TextNormalizer.Words("¡El semáforo está roto!"));
    }

    [Theory]
    [InlineData("Español", "espanol", true)]
    [InlineData("  START   over! ", "start over", true)]
    [InlineData("start-over", "start over", true)]
    [InlineData("start", "start over", false)]
    [InlineData("start over now", "start over", false)]
    [InlineData("", "", true)]
    public void Text_can_be_compared_with_normalized_text_without_a_copy(string raw, string normalized, bool expected)
    {
        Assert.Equal(expected, TextNormalizer.NormalizesTo(raw, normalized));
        Assert.Equal(expected, TextNormalizer.Normalize(raw) == normalized);
    }
}
