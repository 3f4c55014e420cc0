namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// One message as the understanding models read it, each reading made at most once and only when asked for: its
/// word features (cheap) and, from one run of the sentence model, the embedding of the whole message and of each
/// of its <see cref="Sentences"/> (a few milliseconds), shared by the emergency screen and the service recognizer
/// within a turn.
/// </summary>
internal sealed class Utterance
{
    private TextFeatures? _features;
    private IReadOnlyList<string>? _sentences;
    private float[]? _embedding;
    private float[]?[]? _sentenceEmbeddings;

    public Utterance(string text) => Text = text;

    public string Text { get; }

    public TextFeatures Features => _features ??= TextFeatures.Of(Text);

    /// <summary>The sentences (see <see cref="Understanding.Sentences"/>); one when the message is one sentence.</summary>
    public IReadOnlyList<string> Sentences => _sentences ??= Understanding.Sentences.Of(Text);

    public float[] Embedding
    {
        get
        {
            Embed();
            return _embedding!;
        }
    }

    /// <summary>Per sentence, its embedding in the context of the message; null for a sentence past the model's reach.</summary>
    public IReadOnlyList<float[]?> SentenceEmbeddings
    {
        get
        {
            Embed();
            return _sentenceEmbeddings!;
        }
    }

    /// <summary>Whether the sentence model has run (tests and benchmarks check the cheap paths stay cheap).</summary>
    public bool WasEmbedded => _embedding is not null;

    private void Embed()
    {
        if (_embedding is null)
        {
            (_embedding, _sentenceEmbeddings) = SentenceEmbedder.Shared.EmbedParts(Sentences);
        }
    }
}
