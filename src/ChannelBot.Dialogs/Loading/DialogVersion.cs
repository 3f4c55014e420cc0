using System.Security.Cryptography;
using System.Text;

namespace ChannelBot.Dialogs.Loading;

/// <summary>
/// The version stamped on conversation state: the first 12 hex digits of a SHA-256 over every file, in path order,
/// as path, a line break and the content with line endings made \n. Changes with any character of any file and
/// not with line-ending style (a checkout on Windows gives the same version).
/// </summary>
public static class DialogVersion
{
    public static string Compute(IEnumerable<DialogFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(file => file.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.Path}\n{NormalizeLineEndings(file.Content)}\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private static string NormalizeLineEndings(string content) =>
        content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
