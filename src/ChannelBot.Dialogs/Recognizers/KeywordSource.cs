namespace ChannelBot.Dialogs.Recognizers;

/// <summary>Where a phrase of the classifier's index comes from.</summary>
internal enum KeywordSource
{
    /// <summary>The service's keywords or its name.</summary>
    Keyword,

    /// <summary>A synonym of an answer option of one of the service's questions.</summary>
    ValueSynonym,
}
