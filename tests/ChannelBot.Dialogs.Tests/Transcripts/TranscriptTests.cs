using ChannelBot.Dialogs.Tests.Support;
using Xunit.Abstractions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChannelBot.Dialogs.Tests.Transcripts;

/// <summary>Runs every <c>*.transcript.yaml</c> in this folder against the real dialog files.</summary>
public sealed class TranscriptTests(ITestOutputHelper output)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static TheoryData<string> Files() => [.. Names()];

    private static List<string> Names() =>
        [.. Directory.EnumerateFiles(Folder, "*.transcript.yaml").Order(StringComparer.Ordinal).Select(file => Path.GetFileName(file))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Transcript_plays_as_written(string file)
    {
        var transcript = Yaml.Deserialize<Transcript>(File.ReadAllText(Path.Combine(Folder, file)));
        Assert.NotEmpty(transcript.Turns);
        var runner = new TranscriptRunner(transcript, DialogsFolder.Load());
        try
        {
            runner.Run();
        }
        finally
        {
            output.WriteLine(runner.Conversation);
        }
    }

    [Fact]
    public void The_required_transcripts_exist()
    {
        var names = Names();
        Assert.True(names.Count >= 8, $"Only {names.Count} transcripts: {string.Join(", ", names)}");
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Transcripts");
}
