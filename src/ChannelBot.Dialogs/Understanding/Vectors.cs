using System.Numerics.Tensors;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>Small vector arithmetic for embeddings (length-1 vectors: a dot product is a cosine similarity).</summary>
internal static class Vectors
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    /// <summary>Scales <paramref name="vector"/> to length 1 (a zero vector stays zero).</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
