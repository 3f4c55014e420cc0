using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;
using MsDateTimeRecognizer = Microsoft.Recognizers.Text.DateTime.DateTimeRecognizer;
using MsNumberRecognizer = Microsoft.Recognizers.Text.Number.NumberRecognizer;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// The Microsoft.Recognizers.Text models, built once per culture on first use (building one takes a few hundred
/// milliseconds; using one takes about a millisecond). A built model only reads its compiled patterns, so one
/// instance serves every conversation in parallel.
/// <para>
/// Built with <c>NoProtoCache</c>: the library's own static results cache (keyed by text and reference time) mixes
/// up cultures in 1.8.13 — after the Spanish model has seen "yesterday" and found nothing, the English model finds
/// nothing in "yesterday" either. We try both cultures on the same text, so that cache must stay off; it would
/// rarely hit anyway, since the reference time changes with every message.
/// </para>
/// </summary>
internal static class RecognizerModels
{
    private static readonly Lazy<IModel> _englishNumber = new(() => new MsNumberRecognizer(Culture.English, NumberOptions.NoProtoCache).GetNumberModel());
    private static readonly Lazy<IModel> _spanishNumber = new(() => new MsNumberRecognizer(Culture.Spanish, NumberOptions.NoProtoCache).GetNumberModel());
    private static readonly Lazy<DateTimeModel> _englishDateTime = new(() => new MsDateTimeRecognizer(Culture.English, DateTimeOptions.NoProtoCache).GetDateTimeModel());
    private static readonly Lazy<DateTimeModel> _spanishDateTime = new(() => new MsDateTimeRecognizer(Culture.Spanish, DateTimeOptions.NoProtoCache).GetDateTimeModel());

    public static IModel Number(string culture) => culture == Culture.Spanish ? _spanishNumber.Value : _englishNumber.Value;

    public static DateTimeModel DateTime(string culture) => culture == Culture.Spanish ? _spanishDateTime.Value : _englishDateTime.Value;
}
