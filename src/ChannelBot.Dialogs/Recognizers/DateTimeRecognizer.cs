using Microsoft.Recognizers.Text;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Reads when something happened with Microsoft.Recognizers.Text.DateTime, relative to a reference time passed in
/// (the city's local time of the message): "since last Tuesday at 5pm", "yesterday", "this morning",
/// "2 hours ago", "anoche", "desde el martes pasado a las 5pm", "Nov 3". The resident's language is tried first,
/// then the other one. Reports are about the past, so when the library offers a past and a future reading
/// ("Tuesday", "Nov 3", "at 8") the latest one not after the reference wins, and a future one only when there is
/// no other. The first date or time mentioned is used; a bare duration ("for 2 days") only when there is none,
/// and a repeating time ("every night") last.
/// </summary>
public static class DateTimeRecognizer
{
    public static DateTimeAnswer? Recognize(string utterance, string language, DateTime referenceLocal)
    {
        if (string.IsNullOrWhiteSpace(utterance))
        {
            return null;
        }

        foreach (var culture in RecognizerCultures.InOrderOfPreference(language))
        {
            var text = culture == Culture.Spanish ? SpanishAccents.Restore(utterance) : utterance;
            var results = RecognizerModels.DateTime(culture).Parse(text, referenceLocal);
            if (Choose(results, referenceLocal, utterance) is { } answer)
            {
                return answer;
            }
        }

        return null;
    }

    private static DateTimeAnswer? Choose(List<ModelResult> results, DateTime reference, string utterance)
    {
        DateTimeAnswer? duration = null;
        DateTimeAnswer? repeating = null;
        foreach (var result in results)
        {
            if (Best(result, reference) is not { } candidate)
            {
                continue;
            }

            var answer = new DateTimeAnswer(candidate.Start, candidate.End, candidate.Timex, TextOf(result, utterance));
            if (result.TypeName.EndsWith(".duration", StringComparison.Ordinal))
            {
                duration ??= answer;
            }
            else if (result.TypeName.EndsWith(".set", StringComparison.Ordinal))
            {
                repeating ??= answer;
            }
            else
            {
                return answer;
            }
        }

        return duration ?? repeating;
    }

    private static DateTimeCandidate? Best(ModelResult result, DateTime reference)
    {
        if (result.Resolution is null
            || !result.Resolution.TryGetValue("values", out var raw)
            || raw is not IEnumerable<IDictionary<string, string>> values)
        {
            return null;
        }

        DateTimeCandidate? latestPast = null;
        DateTimeCandidate? earliestFuture = null;
        DateTimeCandidate? undated = null;
        foreach (var value in values)
        {
            if (DateTimeResolution.Read(value.AsReadOnly(), reference) is not { } candidate)
            {
                continue;
            }

            if (candidate.Anchor is not { } anchor)
            {
                undated ??= candidate;
            }
            else if (anchor <= reference)
            {
                if (latestPast is null || anchor > latestPast.Value.Anchor)
                {
                    latestPast = candidate;
                }
            }
            else if (earliestFuture is null || anchor < earliestFuture.Value.Anchor)
            {
                earliestFuture = candidate;
            }
        }

        return latestPast ?? earliestFuture ?? undated;
    }

    private static string TextOf(ModelResult result, string utterance) =>
        result.Start >= 0 && result.End >= result.Start && result.End < utterance.Length
            ? utterance.Substring(result.Start, result.End - result.Start + 1)
            : result.Text;
}
