using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ChannelBot.Dialogs.Loading;

/// <summary>
/// Reads a YAML scalar as the YAML 1.2 core schema does: unquoted <c>true</c>/<c>false</c>, numbers and
/// <c>null</c>/<c>~</c>/empty become those types, everything else is text. So <c>yes</c>, <c>no</c>, <c>y</c> and
/// <c>n</c> stay words, as the yes/no lists need.
/// </summary>
internal static partial class YamlScalars
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static JValue Resolve(Scalar scalar)
    {
        var value = scalar.Value;
        var explicitTag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value;
        if (scalar.Style != ScalarStyle.Plain || explicitTag == StringTag)
        {
            return new JValue(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => JValue.CreateNull(),
            "true" or "True" or "TRUE" => new JValue(true),
            "false" or "False" or "FALSE" => new JValue(false),
            _ when Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => new JValue(number),
            _ when value.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) => new JValue(hex),
            _ when Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => new JValue(real),
            _ => new JValue(value),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();
}
