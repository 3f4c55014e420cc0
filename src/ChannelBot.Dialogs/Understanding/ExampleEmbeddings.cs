using System.Collections.Concurrent;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// The embeddings of the example texts of the dialog files, kept for the life of the process: a reload that adds
/// one example embeds that one example, and every engine built from the same files (tests build many) shares
/// them. Only texts of the dialog files come here, never residents' messages, so the cache is bounded by what the
/// city writes.
/// </summary>
internal static class ExampleEmbeddings
{
    private static readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    /// <summary>The vectors of <paramref name="texts"/>, in order; the ones not seen before are embedded together.</summary>
    public static float[][] Of(IReadOnlyList<string> texts)
    {
        var missing = texts.Where(t => !_vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var embedded = SentenceEmbedder.Shared.EmbedMany(missing);
            for (var i = 0; i < missing.Count; i++)
            {
                _vectors.TryAdd(missing[i], embedded[i]);
            }

            NativeMemory.Trim();
        }

        return [.. texts.Select(t => _vectors[t])];
    }
}
