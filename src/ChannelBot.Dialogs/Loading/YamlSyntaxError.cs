namespace ChannelBot.Dialogs.Loading;

/// <summary>Why and where a YAML file could not be read (1-based line and column).</summary>
internal sealed class YamlSyntaxError(long line, long column, string message) : Exception(message)
{
    public int Line { get; } = (int)Math.Clamp(line, 1, int.MaxValue);

    public int Column { get; } = (int)Math.Clamp(column, 1, int.MaxValue);
}
