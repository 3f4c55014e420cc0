using ChannelBot.Channels.Twilio;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>Segment counts computed by hand from the GSM 03.38 and UCS-2 rules (channels.md §3.3).</summary>
public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(1530, 10)]
    public void Plain_text_is_gsm7_160_alone_and_153_a_part(int length, int segments)
    {
        var size = SmsSegments.Measure(new string('a', length));

        Assert.Equal(SmsEncoding.Gsm7, size.Encoding);
        Assert.Equal(length, size.Units);
        Assert.Equal(segments, size.Segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void One_character_outside_gsm7_makes_it_ucs2_70_alone_and_67_a_part(int length, int segments)
    {
        var size = SmsSegments.Measure("á" + new string('a', length - 1));

        Assert.Equal(SmsEncoding.Ucs2, size.Encoding);
        Assert.Equal(segments, size.Segments);
    }

    [Fact]
    public void Extension_characters_take_two_septets()
    {
        var size = SmsSegments.Measure(new string('a', 79) + "{}" + new string('a', 77));

        Assert.Equal(SmsEncoding.Gsm7, size.Encoding);
        Assert.Equal(160, size.Units);
        Assert.Equal(1, size.Segments);
        Assert.Equal(2, SmsSegments.Measure(new string('a', 159) + "€").Segments);
    }

    [Fact]
    public void An_escape_and_its_character_are_never_split_across_segments()
    {
        // 152 + 2 does not fit 153: the € opens the second part, which then holds 151 more; 1 is left for a third.
        var size = SmsSegments.Measure(new string('a', 152) + "€" + new string('a', 152));

        Assert.Equal(306, size.Units);
        Assert.Equal(3, size.Segments);
    }

    [Fact]
    public void An_emoji_is_two_code_units_and_never_split()
    {
        Assert.Equal(new SmsSize(SmsEncoding.Ucs2, 70, 1), SmsSegments.Measure(new string('a', 68) + "👍"));
        Assert.Equal(3, SmsSegments.Measure(new string('a', 66) + "👍" + new string('a', 66)).Segments);
    }

    [Theory]
    [InlineData("¿Dónde está?", SmsEncoding.Ucs2)]
    [InlineData("¿Dónde?", SmsEncoding.Ucs2)]
    [InlineData("¿Qué pasó? Año, niño, café", SmsEncoding.Ucs2)]
    [InlineData("¿Año? Niño, café, é ñ ü Ä", SmsEncoding.Gsm7)]
    [InlineData("It’s out", SmsEncoding.Ucs2)]
    [InlineData("It's out @ 5th & Elm: $20 [sic]", SmsEncoding.Gsm7)]
    public void The_encoding_follows_the_gsm_table(string text, SmsEncoding encoding)
    {
        Assert.Equal(encoding, SmsSegments.Measure(text).Encoding);
    }
}
