using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Tests.Recognizers;

public class DateTimeRecognizerTests
{
    // Monday 16 March 2026, 3:30 pm in the city.
    private static readonly DateTime Now = new(2026, 3, 16, 15, 30, 0);

    [Theory]
    [InlineData("since last Tuesday at 5pm", "en", "2026-03-10 17:00")]
    [InlineData("desde el martes pasado a las 5pm", "es", "2026-03-10 17:00")]
    [InlineData("yesterday", "en", "2026-03-15 00:00")]
    [InlineData("ayer", "es", "2026-03-15 00:00")]
    [InlineData("2 hours ago", "en", "2026-03-16 13:30")]
    [InlineData("hace 2 horas", "es", "2026-03-16 13:30")]
    [InlineData("about a week ago", "en", "2026-03-09 00:00")]
    [InlineData("last night around 11", "en", "2026-03-15 23:00")]
    [InlineData("yesterday", "es", "2026-03-15 00:00")]
    public void A_point_in_the_past_has_only_a_start(string utterance, string language, string expected)
    {
        var answer = DateTimeRecognizer.Recognize(utterance, language, Now);

        Assert.NotNull(answer);
        Assert.Equal(At(expected), answer.Start);
        Assert.Null(answer.End);
    }

    [Theory]
    [InlineData("this morning", "en", "2026-03-16 08:00", "2026-03-16 12:00")]
    [InlineData("esta mañana", "es", "2026-03-16 08:00", "2026-03-16 12:00")]
    [InlineData("esta manana", "es", "2026-03-16 08:00", "2026-03-16 12:00")]
    [InlineData("anoche", "es", "2026-03-15 20:00", "2026-03-15 23:59:59")]
    [InlineData("last week", "en", "2026-03-09 00:00", "2026-03-16 00:00")]
    public void A_range_has_a_start_and_an_end(string utterance, string language, string start, string end)
    {
        var answer = DateTimeRecognizer.Recognize(utterance, language, Now);

        Assert.NotNull(answer);
        Assert.Equal(At(start), answer.Start);
        Assert.Equal(At(end), answer.End);
    }

    [Theory]
    [InlineData("Nov 3", "2025-11-03 00:00")]
    [InlineData("tuesday", "2026-03-10 00:00")]
    [InlineData("it started on friday night", "2026-03-13 20:00")]
    [InlineData("at 8", "2026-03-16 08:00")]
    [InlineData("at 9pm", "2026-03-15 21:00")]
    public void When_the_words_fit_a_past_and_a_future_time_the_past_wins(string utterance, string expected)
    {
        var answer = DateTimeRecognizer.Recognize(utterance, "en", Now);

        Assert.Equal(At(expected), answer?.Start);
    }

    [Fact]
    public void Since_keeps_the_start_and_has_no_end()
    {
        var answer = DateTimeRecognizer.Recognize("since yesterday", "en", Now);

        Assert.Equal(At("2026-03-15 00:00"), answer?.Start);
        Assert.Null(answer?.End);
        Assert.Equal("2026-03-15", answer?.Timex);
    }

    [Fact]
    public void Before_has_only_an_end()
    {
        var answer = DateTimeRecognizer.Recognize("before tuesday", "en", Now);

        Assert.Null(answer?.Start);
        Assert.Equal(At("2026-03-10 00:00"), answer?.End);
    }

    [Fact]
    public void A_duration_is_read_as_since_that_long_ago()
    {
        var answer = DateTimeRecognizer.Recognize("for 2 days", "en", Now);

        Assert.Equal(At("2026-03-14 15:30"), answer?.Start);
        Assert.Null(answer?.End);
        Assert.Equal("P2D", answer?.Timex);
    }

    [Fact]
    public void A_repeating_time_has_neither_start_nor_end()
    {
        var answer = DateTimeRecognizer.Recognize("every night", "en", Now);

        Assert.NotNull(answer);
        Assert.Null(answer.Start);
        Assert.Null(answer.End);
        Assert.Equal("every night", answer.Text);
    }

    [Fact]
    public void The_text_is_the_residents_own_words()
    {
        var answer = DateTimeRecognizer.Recognize("It began Since Last Tuesday at 5pm, I think", "en", Now);

        Assert.Equal("Since Last Tuesday at 5pm", answer?.Text);
        Assert.Equal("2026-03-10T17", answer?.Timex);
    }

    [Fact]
    public void The_answer_keeps_the_kind_of_the_reference_time()
    {
        var reference = DateTime.SpecifyKind(Now, DateTimeKind.Local);

        var answer = DateTimeRecognizer.Recognize("yesterday", "en", reference);

        Assert.Equal(DateTimeKind.Local, answer?.Start?.Kind);
    }

    [Fact]
    public void Trying_the_other_language_first_does_not_spoil_the_residents_language()
    {
        Assert.NotNull(DateTimeRecognizer.Recognize("today", "es", Now));
        Assert.Equal(At("2026-03-16 00:00"), DateTimeRecognizer.Recognize("today", "en", Now)?.Start);
        Assert.NotNull(DateTimeRecognizer.Recognize("hoy", "en", Now));
        Assert.Equal(At("2026-03-16 00:00"), DateTimeRecognizer.Recognize("hoy", "es", Now)?.Start);
    }

    [Theory]
    [InlineData("no idea", "en")]
    [InlineData("ni idea", "es")]
    [InlineData("", "en")]
    public void Words_without_a_date_give_nothing(string utterance, string language)
    {
        Assert.Null(DateTimeRecognizer.Recognize(utterance, language, Now));
    }

    private static DateTime At(string text) =>
        DateTime.ParseExact(text, text.Length > 16 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
