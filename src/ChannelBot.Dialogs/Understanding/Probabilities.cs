namespace ChannelBot.Dialogs.Understanding;

internal static class Probabilities
{
    /// <summary>Turns scores into probabilities in place (largest score subtracted first, so nothing overflows).</summary>
    public static void Softmax(Span<double> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp(scores[i] - max);
            sum += scores[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] /= sum;
        }
    }

    /// <summary><paramref name="weight"/> × a + (1 − weight) × b, class by class.</summary>
    public static double[] Mix(double[] a, double[] b, double weight)
    {
        var mixed = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            mixed[i] = (weight * a[i]) + ((1 - weight) * b[i]);
        }

        return mixed;
    }
}
