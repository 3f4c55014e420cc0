using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ChannelBot.Dialogs.Loading;

/// <summary>Validates one parsed file against its JSON Schema and reports each problem at its readable path and line.</summary>
internal static class DialogSchemaValidator
{
    private static readonly HashSet<ValidationErrorKind> _typeMismatches =
    [
        ValidationErrorKind.StringExpected,
        ValidationErrorKind.NumberExpected,
        ValidationErrorKind.IntegerExpected,
        ValidationErrorKind.BooleanExpected,
        ValidationErrorKind.ObjectExpected,
        ValidationErrorKind.ArrayExpected,
        ValidationErrorKind.NullExpected,
    ];

    public static IReadOnlyList<DialogFileError> Validate(string file, JToken root, SourceMap sourceMap, JsonSchema schema)
    {
        var errors = schema.Validate(root);

        // An unquoted 911 or 0311 where the schema wants text is meant as text: read it so and look again.
        for (var pass = 0; pass < 3 && errors.Count > 0 && ReadPlainScalarsAsText(errors, sourceMap); pass++)
        {
            errors = schema.Validate(root);
        }

        var leaves = Leaves(errors).ToList();

        // A value of the wrong type also misses every key its type would have: say only the first.
        var wrongType = leaves.Where(error => _typeMismatches.Contains(error.Kind)).Select(PathOf).ToHashSet(StringComparer.Ordinal);
        leaves.RemoveAll(error => error.Kind == ValidationErrorKind.PropertyRequired && wrongType.Contains(ReadablePaths.Parent(PathOf(error))));

        return [.. leaves
            .Select(error => ToFileError(file, error, sourceMap))
            .Distinct()
            .OrderBy(error => error.Line ?? 0)
            .ThenBy(error => error.Location, StringComparer.Ordinal)];
    }

    private static bool ReadPlainScalarsAsText(IEnumerable<ValidationError> errors, SourceMap sourceMap)
    {
        var changed = false;
        foreach (var error in All(errors).Where(error => error.Kind == ValidationErrorKind.StringExpected))
        {
            if (sourceMap.AtSchemaPath(PathOf(error)) is { PlainText: { } text, Token: JValue { Type: not JTokenType.String } value })
            {
                value.Value = text;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The errors worth showing: the innermost ones, and for "one of" only the branch of the right shape.</summary>
    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is not ChildSchemaValidationError parent || parent.Errors.Count == 0)
            {
                yield return error;
                continue;
            }

            IEnumerable<ICollection<ValidationError>> branches = parent.Errors.Values;
            if (error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf)
            {
                var ofTheRightShape = branches.Where(branch => !branch.Any(child => _typeMismatches.Contains(child.Kind) && PathOf(child) == PathOf(error))).ToList();
                if (ofTheRightShape.Count != 1)
                {
                    yield return error;
                    continue;
                }

                branches = ofTheRightShape;
            }

            foreach (var leaf in Leaves(branches.SelectMany(branch => branch)))
            {
                yield return leaf;
            }
        }
    }

    private static IEnumerable<ValidationError> All(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(error => error is ChildSchemaValidationError parent
            ? All(parent.Errors.Values.SelectMany(branch => branch)).Prepend(error)
            : [error]);

    /// <summary>NJsonSchema writes the root as "#/" or leaves it out; our source map calls it "#".</summary>
    private static string PathOf(ValidationError error) => error.Path is null or "#/" ? "#" : error.Path;

    private static DialogFileError ToFileError(string file, ValidationError error, SourceMap sourceMap)
    {
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } missing)
        {
            var owner = sourceMap.NearestToSchemaPath(ReadablePaths.Parent(PathOf(error)));
            var location = ReadablePaths.Property(owner?.ReadablePath ?? string.Empty, missing);
            return new DialogFileError(file, location, SchemaErrorMessages.Describe(error, null), owner?.Line);
        }

        var node = sourceMap.NearestToSchemaPath(PathOf(error));
        var exact = node is not null && node.SchemaPath == PathOf(error);
        var value = exact ? node!.Token : error.Token;
        return new DialogFileError(file, node?.ReadablePath ?? string.Empty, SchemaErrorMessages.Describe(error, value), node?.Line);
    }
}
