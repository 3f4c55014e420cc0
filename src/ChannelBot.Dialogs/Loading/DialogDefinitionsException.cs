namespace ChannelBot.Dialogs.Loading;

/// <summary>The dialog files are not valid. Carries every problem found, one per line in <see cref="Exception.Message"/>.</summary>
public sealed class DialogDefinitionsException : Exception
{
    public DialogDefinitionsException()
        : this([])
    {
    }

    public DialogDefinitionsException(string message)
        : base(message)
    {
        Errors = [];
    }

    public DialogDefinitionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public DialogDefinitionsException(IReadOnlyList<DialogFileError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<DialogFileError> Errors { get; }

    private static string Describe(IReadOnlyList<DialogFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var heading = errors.Count == 1
            ? "The dialog files have 1 problem:"
            : $"The dialog files have {errors.Count} problems:";
        return string.Join('\n', errors.Select(error => error.ToString()).Prepend(heading));
    }
}
