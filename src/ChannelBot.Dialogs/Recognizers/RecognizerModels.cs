using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using MsDateTimeRecognizer = Microsoft.Recognizers.Text.DateTime.DateTimeRecognizer;
using MsNumberRecognizer = Microsoft.Recognizers.Text.Number.NumberRecognizer;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// The Microsoft.Recognizers.Text models, built once per culture on first use (building one takes a few hundred
/// milliseconds; using one takes about a millisecond). A built model only reads its compiled patterns, so one
/// instance serves every conversation in parallel.
/// </summary>
internal static class RecognizerModels
{
    private static readonly Lazy<IModel> _englishNumber = new(() => new MsNumberRecognizer(Culture.English).GetNumberModel());
    private static readonly Lazy<IModel> _spanishNumber = new(() => new MsNumberRecognizer(Culture.Spanish).GetNumberModel());
    private static readonly Lazy<DateTimeModel> _englishDateTime = new(() => new MsDateTimeRecognizer(Culture.English).GetDateTimeModel());
    private static readonly Lazy<DateTimeModel> _spanishDateTime = new(() => new MsDateTimeRecognizer(Culture.Spanish).GetDateTimeModel());

    public static IModel Number(string culture) => culture == Culture.Spanish ? _spanishNumber.Value : _englishNumber.Value;

    public static DateTimeModel DateTime(string culture) => culture == Culture.Spanish ? _spanishDateTime.Value : _englishDateTime.Value;
}
