namespace ChannelBot.Dialogs.Loading;

/// <summary>
/// One problem found in a dialog file. <paramref name="Location"/> is a readable path into the file
/// (<c>services[3].attributes[0].datatype</c>), or <c>line 12, column 5</c> for a YAML syntax error;
/// <paramref name="Line"/> is the line the path starts on, when known.
/// </summary>
public sealed record DialogFileError(string File, string Location, string Message, int? Line = null)
{
    /// <summary><c>catalog.yaml: services[3].attributes[0].datatype: 'strng' is not one of ... (line 42)</c></summary>
    public override string ToString()
    {
        var where = string.IsNullOrEmpty(Location) ? File : $"{File}: {Location}";
        var line = Line is { } number ? $" (line {number})" : string.Empty;
        return $"{where}: {Message}{line}";
    }
}
