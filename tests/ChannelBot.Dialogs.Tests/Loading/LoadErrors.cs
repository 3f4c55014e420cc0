using ChannelBot.Dialogs.Loading;

namespace ChannelBot.Dialogs.Tests.Loading;

/// <summary>Loads files that must be refused and returns every problem reported.</summary>
internal static class LoadErrors
{
    public static IReadOnlyList<DialogFileError> Of(IReadOnlyList<DialogFile> files)
    {
        var exception = Assert.Throws<DialogDefinitionsException>(() => DialogDefinitionsLoader.Load(files));
        Assert.NotEmpty(exception.Errors);
        return exception.Errors;
    }

    public static DialogFileError Single(IReadOnlyList<DialogFileError> errors, string file, string location) =>
        Assert.Single(errors, error => error.File == file && error.Location == location);
}
