using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ChannelBot.Dialogs.Loading;

/// <summary>Says what a schema validation error means in words a 311 staff member can act on.</summary>
internal static class SchemaErrorMessages
{
    public static string Describe(ValidationError error, JToken? value)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => "is required but missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                $"'{error.Property}' is not a known key here; the keys are {string.Join(", ", schema.ActualProperties.Keys)}",
            ValidationErrorKind.NotInEnumeration =>
                $"{Show(value)} is not one of {string.Join(", ", schema.Enumeration.Select(item => item?.ToString()))}",
            ValidationErrorKind.StringExpected => value is null || value.Type == JTokenType.Null ? "is empty; write the text" : $"expected text, found {Show(value)}",
            ValidationErrorKind.IntegerExpected => $"expected a whole number, found {Show(value)}",
            ValidationErrorKind.NumberExpected => $"expected a number, found {Show(value)}",
            ValidationErrorKind.BooleanExpected => $"expected true or false, found {Show(value)}",
            ValidationErrorKind.ObjectExpected => $"expected keys and values (key: value), found {Show(value)}",
            ValidationErrorKind.ArrayExpected => $"expected a list (lines starting with '- '), found {Show(value)}",
            ValidationErrorKind.PatternMismatch => $"{Show(value)} {PatternMessage(schema)}",
            ValidationErrorKind.StringTooShort => schema.MinLength is null or 1 ? "must not be empty" : $"must be at least {schema.MinLength} characters",
            ValidationErrorKind.StringTooLong => $"is {value?.ToString().Length} characters; at most {schema.MaxLength} are allowed",
            ValidationErrorKind.NumberTooSmall => $"{Show(value)} is less than the minimum, {Number(schema.Minimum)}",
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => $"{Show(value)} is more than the maximum, {Number(schema.Maximum)}",
            ValidationErrorKind.TooFewItems => schema.MinItems <= 1 ? "the list must not be empty" : $"the list needs at least {schema.MinItems} items",
            ValidationErrorKind.TooManyItems => $"the list may have at most {schema.MaxItems} items",
            ValidationErrorKind.ItemsNotUnique => "the list has the same item twice",
            ValidationErrorKind.TooFewProperties => "must not be empty",
            ValidationErrorKind.UriExpected => $"{Show(value)} is not a web address (https://...)",
            ValidationErrorKind.EmailExpected => $"{Show(value)} is not an email address",
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => $"expected {Forms(schema)}, found {Show(value)}",
            _ => $"is not valid ({error.Kind})",
        };
    }

    /// <summary>The shapes a "one of" allows: "text or keys and values (key: value)".</summary>
    private static string Forms(JsonSchema schema)
    {
        var forms = schema.OneOf.Concat(schema.AnyOf)
            .Select(branch => branch.ActualSchema.Type)
            .Select(type => type switch
            {
                JsonObjectType.String => "text",
                JsonObjectType.Integer => "a whole number",
                JsonObjectType.Number => "a number",
                JsonObjectType.Boolean => "true or false",
                JsonObjectType.Object => "keys and values (key: value)",
                JsonObjectType.Array => "a list",
                _ => null,
            })
            .OfType<string>()
            .Distinct()
            .ToList();
        return forms.Count == 0 ? "one of the allowed forms" : string.Join(" or ", forms);
    }

    private static string PatternMessage(JsonSchema schema) =>
        schema.ExtensionData?.TryGetValue("patternErrorMessage", out var message) == true && message is string text
            ? text
            : $"does not match the pattern {schema.Pattern}";

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Show(JToken? value) => value switch
    {
        null => "the value",
        JProperty property => Show(property.Value),
        { Type: JTokenType.String } => $"'{value}'",
        { Type: JTokenType.Null } => "an empty value",
        { Type: JTokenType.Object } => "a set of keys",
        { Type: JTokenType.Array } => "a list",
        { Type: JTokenType.Boolean } => value.ToString().ToLowerInvariant(),
        _ => value.ToString(),
    };
}
