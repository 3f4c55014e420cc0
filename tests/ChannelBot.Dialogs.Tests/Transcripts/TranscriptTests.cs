using ChannelBot.Dialogs.Tests.Support;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChannelBot.Dialogs.Tests.Transcripts;

/// <summary>Runs every <c>*.transcript.yaml</c> in this folder against the real dialog files.</summary>
public sealed class TranscriptTests
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.transcript.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Transcript_plays_as_written(string file)
    {
        var transcript = Yaml.Deserialize<Transcript>(File.ReadAllText(Path.Combine(Folder, file)));
        Assert.NotEmpty(transcript.Turns);
        new TranscriptRunner(transcript, DialogsFolder.Load()).Run();
    }

    [Fact]
    public void The_required_transcripts_exist()
    {
        var names = Files().Select(row => (string)row[0]).ToList();
        Assert.True(names.Count >= 8, $"Only {names.Count} transcripts: {string.Join(", ", names)}");
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Transcripts");
}
