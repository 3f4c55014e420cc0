using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// The word lists of <c>interrupts.yaml</c>, each normalized once into a <see cref="PhraseSet"/> (every language
/// together: residents mix them), and the yes/no words as a <see cref="ConfirmVocabulary"/>. Built once per set of
/// dialog files; every turn tests messages against these instead of normalizing the lists again.
/// </summary>
internal sealed class InterruptPhrases
{
    public InterruptPhrases(DialogDefinitions definitions)
    {
        var words = definitions.Interrupts;
        Help = new PhraseSet(words.Help.All);
        Cancel = new PhraseSet(words.Cancel.All);
        StartOver = new PhraseSet(words.StartOver.All);
        Agent = new PhraseSet(words.Agent.All);
        Menu = new PhraseSet(words.Menu.All);
        Skip = new PhraseSet(words.Skip.All);
        Done = new PhraseSet(words.Done.All);
        Yes = new PhraseSet(words.Yes.All);
        No = new PhraseSet(words.No.All);
        Status = new PhraseSet(words.Status.All);
        Confirm = new ConfirmVocabulary(words.Yes.All, words.No.All);
        SwitchLanguage = [.. words.SwitchLanguage
            .Where(pair => definitions.Strings.ContainsKey(pair.Key))
            .Select(pair => (pair.Key, new PhraseSet(pair.Value)))];
    }

    public PhraseSet Help { get; }

    public PhraseSet Cancel { get; }

    public PhraseSet StartOver { get; }

    public PhraseSet Agent { get; }

    public PhraseSet Menu { get; }

    public PhraseSet Skip { get; }

    public PhraseSet Done { get; }

    public PhraseSet Yes { get; }

    public PhraseSet No { get; }

    public PhraseSet Status { get; }

    public ConfirmVocabulary Confirm { get; }

    /// <summary>Per language the bot speaks: the words that switch to it.</summary>
    public IReadOnlyList<(string Language, PhraseSet Words)> SwitchLanguage { get; }
}
