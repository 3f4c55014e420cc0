using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>What the catalog schema cannot say: unique codes, references that exist, values that fit the datatype.</summary>
internal static class CatalogChecks
{
    public static void Run(ServiceCatalog catalog, string file, IReadOnlyList<string> languages, DialogErrorCollector errors)
    {
        var coverage = new LanguageCoverage(file, languages, errors);
        var groups = DuplicateValues.Check(catalog.Groups.Select(group => group.Key), "groups", "key", "group key", file, errors);
        var departments = DuplicateValues.Check(catalog.Departments.Select(department => department.Code), "departments", "code", "department code", file, errors);
        DuplicateValues.Check(catalog.Services.Select(service => service.Code), "services", "code", "service code", file, errors);

        for (var i = 0; i < catalog.Groups.Count; i++)
        {
            coverage.Text(catalog.Groups[i].Name, $"groups[{i}].name");
        }

        for (var i = 0; i < catalog.Departments.Count; i++)
        {
            coverage.Text(catalog.Departments[i].Name, $"departments[{i}].name");
        }

        for (var i = 0; i < catalog.Services.Count; i++)
        {
            var service = catalog.Services[i];
            var path = $"services[{i}]";
            if (!groups.Contains(service.Group))
            {
                errors.Add(file, $"{path}.group", $"'{service.Group}' is not a group key under groups: ({string.Join(", ", groups)})");
            }

            if (!departments.Contains(service.Department))
            {
                errors.Add(file, $"{path}.department", $"'{service.Department}' is not a department code under departments: ({string.Join(", ", departments)})");
            }

            coverage.Text(service.Name, $"{path}.name");
            coverage.Text(service.Description, $"{path}.description");
            coverage.Text(service.Notice, $"{path}.notice");
            coverage.Words(service.Keywords, $"{path}.keywords", mustHaveWords: true);
            coverage.Words(service.Examples, $"{path}.examples", mustHaveWords: true);
            AttributeChecks.Run(service.Attributes, path, file, coverage, errors);
        }
    }
}
