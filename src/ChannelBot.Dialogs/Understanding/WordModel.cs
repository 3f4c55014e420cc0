namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// A multinomial logistic regression over <see cref="TextFeatures"/>: it learns which words, word pairs and word
/// pieces tell the classes apart ("bache", "clanks", "isn't sparking"). Trained at construction with AdaGrad for
/// a fixed number of passes in a fixed order (the same files give the same model on every machine); predicting
/// is one multiply-add per feature and class. Immutable after construction.
/// </summary>
internal sealed class WordModel
{
    private const int Passes = 30;
    private const float LearningRate = 0.5f;
    private const float BiasLearningRate = 0.05f;
    private const float L2 = 1e-5f;
    private const int ShuffleSeed = 7;

    private readonly int _classes;
    private readonly float[] _weights;
    private readonly float[] _bias;

    /// <param name="examples">Features and class of each training text.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="extraSlots">Slots past <see cref="TextFeatures.Buckets"/> the features use (<see cref="TextFeatures.WithMeaning"/>).</param>
    public WordModel(IReadOnlyList<(TextFeatures Features, int Label)> examples, int classes, int extraSlots = 0)
    {
        _classes = classes;
        _weights = new float[(TextFeatures.Buckets + extraSlots) * classes];
        _bias = new float[classes];
        Train(examples);
    }

    /// <summary>Probability of each class.</summary>
    public double[] Predict(TextFeatures features)
    {
        var scores = new double[_classes];
        Scores(features, scores);
        return scores;
    }

    private void Scores(TextFeatures features, double[] into)
    {
        for (var c = 0; c < _classes; c++)
        {
            into[c] = _bias[c];
        }

        for (var i = 0; i < features.Slots.Length; i++)
        {
            var row = features.Slots[i] * _classes;
            var value = features.Weights[i];
            for (var c = 0; c < _classes; c++)
            {
                into[c] += _weights[row + c] * value;
            }
        }

        Probabilities.Softmax(into);
    }

    private void Train(IReadOnlyList<(TextFeatures Features, int Label)> examples)
    {
        var squaredGradients = new float[_weights.Length];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(ShuffleSeed);
        var p = new double[_classes];
        for (var pass = 0; pass < Passes; pass++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var (features, label) = examples[index];
                Scores(features, p);
                for (var c = 0; c < _classes; c++)
                {
                    var error = (float)(p[c] - (c == label ? 1 : 0));
                    _bias[c] -= BiasLearningRate * error;
                    for (var i = 0; i < features.Slots.Length; i++)
                    {
                        var at = (features.Slots[i] * _classes) + c;
                        var gradient = (error * features.Weights[i]) + (L2 * _weights[at]);
                        squaredGradients[at] += gradient * gradient;
                        _weights[at] -= LearningRate * gradient / (MathF.Sqrt(squaredGradients[at]) + 1e-6f);
                    }
                }
            }
        }
    }
}
