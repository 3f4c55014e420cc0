using ChannelBot.Dialogs.Loading;

namespace ChannelBot.Dialogs.Tests.Loading;

public sealed class DialogVersionTests
{
    private static IReadOnlyList<DialogFile> Files => RepositoryDialogs.Files;

    [Fact]
    public void The_version_is_twelve_lower_case_hex_digits_and_the_same_at_every_load()
    {
        var first = DialogDefinitionsLoader.Load(Files).Version;
        var second = DialogDefinitionsLoader.Load([.. Files.Reverse()]).Version;

        Assert.Matches("^[0-9a-f]{12}$", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void The_version_changes_when_one_character_of_one_file_changes()
    {
        var changed = Files.Replace("city.yaml", "Springfield", "Springfielt");

        Assert.NotEqual(DialogVersion.Compute(Files), DialogVersion.Compute(changed));
        Assert.NotEqual(DialogDefinitionsLoader.Load(Files).Version, DialogDefinitionsLoader.Load(changed).Version);
    }

    [Fact]
    public void The_version_does_not_change_when_only_line_endings_change()
    {
        var windows = Files.Select(file => file with { Content = file.Content.ReplaceLineEndings("\r\n") }).ToList();

        Assert.NotEqual(Files.Select(file => file.Content), windows.Select(file => file.Content));
        Assert.Equal(DialogDefinitionsLoader.Load(Files).Version, DialogDefinitionsLoader.Load(windows).Version);
    }

    [Fact]
    public void Moving_content_from_one_file_to_another_changes_the_version()
    {
        IReadOnlyList<DialogFile> before = [new("a.yaml", "x: 1\n"), new("b.yaml", "y: 2\n")];
        IReadOnlyList<DialogFile> after = [new("a.yaml", "x: 1\ny: 2\n"), new("b.yaml", string.Empty)];

        Assert.NotEqual(DialogVersion.Compute(before), DialogVersion.Compute(after));
    }
}
