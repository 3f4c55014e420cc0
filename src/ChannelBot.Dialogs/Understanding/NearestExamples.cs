namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// Meaning by resemblance: the <see cref="Neighbours"/> example texts closest to a message in embedding space
/// vote for their class, each vote weighted by exp(similarity / <see cref="Temperature"/>), so a near-paraphrase
/// of one example outweighs several loose resemblances. Cost: one dot product per example (a few thousand of 384
/// numbers: well under a millisecond). Immutable after construction.
/// </summary>
internal sealed class NearestExamples
{
    public const int Neighbours = 10;
    public const double Temperature = 0.05;

    private readonly float[][] _vectors;
    private readonly int[] _labels;
    private readonly int _classes;

    public NearestExamples(float[][] vectors, int[] labels, int classes)
    {
        _vectors = vectors;
        _labels = labels;
        _classes = classes;
    }

    /// <summary>The share of the neighbours' votes each class gets.</summary>
    public double[] Votes(float[] query)
    {
        var k = Math.Min(Neighbours, _vectors.Length);
        var best = new (float Similarity, int Index)[k];
        var count = 0;
        for (var i = 0; i < _vectors.Length; i++)
        {
            var similarity = Vectors.Dot(query, _vectors[i]);
            if (count < k)
            {
                best[count++] = (similarity, i);
                continue;
            }

            var weakest = 0;
            for (var j = 1; j < k; j++)
            {
                if (best[j].Similarity < best[weakest].Similarity)
                {
                    weakest = j;
                }
            }

            if (similarity > best[weakest].Similarity)
            {
                best[weakest] = (similarity, i);
            }
        }

        var votes = new double[_classes];
        var total = 0.0;
        for (var j = 0; j < count; j++)
        {
            var weight = Math.Exp(best[j].Similarity / Temperature);
            votes[_labels[best[j].Index]] += weight;
            total += weight;
        }

        if (total > 0)
        {
            for (var c = 0; c < votes.Length; c++)
            {
                votes[c] /= total;
            }
        }

        return votes;
    }
}
