namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// The numbers behind <see cref="CategoryClassifier"/>. A message earns evidence points for each keyword phrase
/// of a service found in it (words in order, stop words ignored, each message word used once per service):
/// <list type="bullet">
/// <item>each word of the phrase counts 1/(1 + ln n), n being the number of service types that use that word,
/// so "bache" (one type) counts 1 and "light" (streetlight and traffic signal) about 0.59;</item>
/// <item>a phrase of k words is worth its word points × (1 + <see cref="MultiWordBonus"/> × (k − 1)): "hole in
/// the road" (2 content words) is worth 3 where "hole" alone is worth 1;</item>
/// <item>× <see cref="TypoFactor"/> per word matched through a typo, × <see cref="OtherLanguageFactor"/> when the
/// phrase is not listed in the resident's language, × <see cref="ValueSynonymFactor"/> for answer synonyms of
/// the service's questions (generic words like "sidewalk");</item>
/// <item>the general service (code "OTHER" by default) only earns points from its own keywords and name, without
/// typos, and is halved when any other type also has points.</item>
/// </list>
/// A type is suggested with at least <see cref="SuggestMinimum"/> points and at least
/// <see cref="SuggestRelativeMinimum"/> of the best type's points, at most <see cref="MaxSuggestions"/>. It is
/// confident with at least <see cref="ConfidentMinimum"/> points (one specific keyword, spelled right, in any
/// language), at least <see cref="ClearLeadRatio"/> times the points of the runner-up, and at least one of its own
/// keywords or its name in the message (answer synonyms alone only suggest).
/// </summary>
public static class CategoryThresholds
{
    public const double MultiWordBonus = 0.5;
    public const double TypoFactor = 0.75;
    public const double OtherLanguageFactor = 0.9;
    public const double ValueSynonymFactor = 0.5;
    public const double GeneralServiceDamping = 0.5;

    public const double SuggestMinimum = 0.4;
    public const double SuggestRelativeMinimum = 0.3;
    public const int MaxSuggestions = 3;

    public const double ConfidentMinimum = 0.9;
    public const double ClearLeadRatio = 1.5;
}
