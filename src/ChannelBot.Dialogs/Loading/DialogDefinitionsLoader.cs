using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>
/// Builds <see cref="DialogDefinitions"/> from the files of the <c>dialogs/</c> folder. Each data file is read as
/// YAML (JSON is YAML too), validated against <c>schema/{kind}.schema.json</c> from the same files, bound to the
/// model, then checked across files. The languages are those with a <c>strings/{language}.yaml</c>, English first.
/// Pure and deterministic: the same files give the same definitions and the same <see cref="DialogDefinitions.Version"/>.
/// </summary>
public static class DialogDefinitionsLoader
{
    /// <exception cref="DialogDefinitionsException">Any file is missing or wrong; it lists every problem found.</exception>
    public static DialogDefinitions Load(IReadOnlyList<DialogFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var normalized = files.Select(DialogFilePaths.Normalize).ToList();
        var errors = new DialogErrorCollector();
        var set = DialogFileSet.Sort(normalized, errors);
        var languages = set.Languages;
        var reader = new DialogFileReader(set, errors);

        var city = reader.Read<CityProfile>(DialogFileKind.City);
        var channelsFile = reader.Read<ChannelsFile>(DialogFileKind.Channels);
        var catalog = reader.Read<ServiceCatalog>(DialogFileKind.Catalog);
        var interrupts = reader.Read<InterruptDefinitions>(DialogFileKind.Interrupts);
        var intake = reader.Read<IntakeFlow>(DialogFileKind.Intake);
        var strings = new Dictionary<string, (StringTable Table, string File)>(StringComparer.Ordinal);
        foreach (var (language, file) in set.Strings)
        {
            if (reader.Read<StringTable>(DialogFileKind.Strings, file) is { } table)
            {
                strings[language] = (table, file.Path);
            }
        }

        var channels = channelsFile is null ? null : ChannelsChecks.Run(channelsFile, PathOf(set, DialogFileKind.Channels), errors);
        RunChecks(set, languages, errors, city, catalog, interrupts, intake);
        StringsChecks.Run(strings, intake, errors);

        if (errors.Any)
        {
            throw new DialogDefinitionsException([.. errors.Errors.OrderBy(error => error.File, StringComparer.Ordinal).ThenBy(error => error.Line ?? 0)]);
        }

        return new DialogDefinitions
        {
            Version = DialogVersion.Compute(normalized),
            City = city!,
            Catalog = catalog!,
            Intake = intake!,
            Interrupts = interrupts!,
            Channels = channels!,
            Strings = strings.ToDictionary(entry => entry.Key, entry => entry.Value.Table, StringComparer.OrdinalIgnoreCase),
            Languages = languages,
        };
    }

    private static void RunChecks(
        DialogFileSet set,
        IReadOnlyList<string> languages,
        DialogErrorCollector errors,
        CityProfile? city,
        ServiceCatalog? catalog,
        InterruptDefinitions? interrupts,
        IntakeFlow? intake)
    {
        if (city is not null)
        {
            CityChecks.Run(city, PathOf(set, DialogFileKind.City), languages, errors);
        }

        if (catalog is not null)
        {
            CatalogChecks.Run(catalog, PathOf(set, DialogFileKind.Catalog), languages, errors);
        }

        if (interrupts is not null)
        {
            InterruptChecks.Run(interrupts, PathOf(set, DialogFileKind.Interrupts), languages, errors);
        }

        if (intake is not null)
        {
            IntakeChecks.Run(intake, PathOf(set, DialogFileKind.Intake), errors);
        }
    }

    private static string PathOf(DialogFileSet set, DialogFileKind kind) => set.Data(kind)!.Path;
}
