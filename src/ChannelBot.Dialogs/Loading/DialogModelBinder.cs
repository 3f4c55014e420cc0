using System.Text.Json;

namespace ChannelBot.Dialogs.Loading;

/// <summary>Binds schema-valid JSON to the definitions model (System.Text.Json, <see cref="DialogJson.Options"/>).</summary>
internal static class DialogModelBinder
{
    public static T? Bind<T>(DialogFile file, string json, DialogErrorCollector errors)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, DialogJson.Options)
                ?? throw new JsonException("the file holds no definitions");
        }
        catch (JsonException exception)
        {
            // The schema should have refused whatever gets here; still say where it is.
            var location = exception.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : string.Empty;
            errors.Add(file.Path, location, exception.Message.Split(" Path: ")[0]);
            return null;
        }
    }
}
