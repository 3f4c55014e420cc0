using System.Globalization;
using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>Checks the questions of one service as Open311 attributes.</summary>
internal static class AttributeChecks
{
    public static void Run(IReadOnlyList<ServiceAttribute> attributes, string servicePath, string file, LanguageCoverage coverage, DialogErrorCollector errors)
    {
        var listPath = $"{servicePath}.attributes";
        DuplicateValues.Check(attributes.Select(attribute => attribute.Code), listPath, "code", "attribute code", file, errors);
        DuplicateValues.Check(attributes.Select(attribute => attribute.Order.ToString(CultureInfo.InvariantCulture)), listPath, "order", "order", file, errors);

        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            var path = $"{listPath}[{i}]";
            coverage.Text(attribute.Description, $"{path}.description");
            coverage.Text(attribute.Label, $"{path}.label");
            coverage.Text(attribute.Hint, $"{path}.hint");
            CheckValues(attribute, path, file, coverage, errors);
            CheckBounds(attribute, path, file, errors);
        }
    }

    private static bool IsList(AttributeDatatype datatype) =>
        datatype is AttributeDatatype.Singlevaluelist or AttributeDatatype.Multivaluelist;

    private static void CheckValues(ServiceAttribute attribute, string path, string file, LanguageCoverage coverage, DialogErrorCollector errors)
    {
        var datatype = attribute.Datatype.ToString().ToLowerInvariant();
        if (!IsList(attribute.Datatype))
        {
            if (attribute.Values.Count > 0)
            {
                errors.Add(file, $"{path}.values", $"a {datatype} question has no values: remove them or make it a singlevaluelist or multivaluelist");
            }

            return;
        }

        if (attribute.Values.Count == 0)
        {
            errors.Add(file, path, $"a {datatype} question needs values: the options residents choose from");
            return;
        }

        DuplicateValues.Check(attribute.Values.Select(value => value.Key), $"{path}.values", "key", "value key", file, errors);
        for (var i = 0; i < attribute.Values.Count; i++)
        {
            coverage.Text(attribute.Values[i].Name, $"{path}.values[{i}].name");
            coverage.Words(attribute.Values[i].Synonyms, $"{path}.values[{i}].synonyms", mustHaveWords: false);
        }
    }

    private static void CheckBounds(ServiceAttribute attribute, string path, string file, DialogErrorCollector errors)
    {
        if (attribute.Datatype != AttributeDatatype.Number && (attribute.Min is not null || attribute.Max is not null))
        {
            errors.Add(file, path, "min and max apply to number questions only");
        }

        if (attribute.Min > attribute.Max)
        {
            errors.Add(file, $"{path}.min", string.Create(CultureInfo.InvariantCulture, $"min ({attribute.Min}) is more than max ({attribute.Max})"));
        }

        if (attribute.MaxLength is not null && attribute.Datatype is not (AttributeDatatype.String or AttributeDatatype.Text))
        {
            errors.Add(file, $"{path}.maxLength", "maxLength applies to string and text questions only");
        }
    }
}
