using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Loading;

namespace ChannelBot.Dialogs.Tests.Loading;

/// <summary>
/// Each test breaks one thing in a copy of the repository's files and expects an error naming the file and the
/// place, so a 311 staff member can fix it without reading C#.
/// </summary>
public sealed class BrokenDialogFilesTests
{
    private static readonly Lazy<DialogDefinitions> _real = new(() => DialogDefinitionsLoader.Load(RepositoryDialogs.Files));

    private static IReadOnlyList<DialogFile> Files => RepositoryDialogs.Files;

    private static DialogDefinitions Real => _real.Value;

    [Fact]
    public void A_YAML_syntax_error_is_refused_naming_the_file_line_and_column()
    {
        var line = Files.LineOf("city.yaml", "^phone:");
        var broken = Files.Replace("city.yaml", "\nphone:", "\n  - a list item where a key belongs\nphone:");

        var error = Assert.Single(LoadErrors.Of(broken));

        Assert.Equal("city.yaml", error.File);
        Assert.Equal($"line {line}, column 3", error.Location);
        Assert.StartsWith($"city.yaml: line {line}, column 3: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_written_twice_in_one_place_is_refused_naming_both_lines()
    {
        var first = Files.LineOf("city.yaml", "^phone:");
        var broken = Files.WithContent("city.yaml", RepositoryDialogs.Content("city.yaml").TrimEnd('\n') + "\nphone: \"555-0000\"\n");
        var second = broken.LineOf("city.yaml", "^phone: \"555-0000\"");

        var error = Assert.Single(LoadErrors.Of(broken));

        Assert.Equal(("city.yaml", $"line {second}, column 1"), (error.File, error.Location));
        Assert.Equal($"the key 'phone' appears twice in the same place (first on line {first})", error.Message);
    }

    [Fact]
    public void A_catalog_with_an_unknown_datatype_is_refused_naming_the_file_and_place()
    {
        var (service, attribute) = FirstAttribute(AttributeDatatype.Singlevaluelist);
        var broken = Files.ReplaceFirst("catalog.yaml", "datatype: singlevaluelist$", "datatype: strng");

        var error = LoadErrors.Single(LoadErrors.Of(broken), "catalog.yaml", $"services[{service}].attributes[{attribute}].datatype");

        Assert.Equal("'strng' is not one of string, number, datetime, text, singlevaluelist, multivaluelist", error.Message);
        Assert.Equal(Files.LineOf("catalog.yaml", "datatype: singlevaluelist$"), error.Line);
    }

    [Fact]
    public void A_service_code_used_twice_is_refused_naming_the_second_service()
    {
        var first = Real.Catalog.Services[0].Code;
        var last = Real.Catalog.Services.Count - 1;
        var broken = Files.Replace("catalog.yaml", $"\n  - code: {Real.Catalog.Services[last].Code}\n", $"\n  - code: {first}\n");

        var error = LoadErrors.Single(LoadErrors.Of(broken), "catalog.yaml", $"services[{last}].code");

        Assert.Contains($"'{first}' is already used by services[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_routed_to_an_unknown_department_is_refused()
    {
        var broken = Files.ReplaceFirst("catalog.yaml", "^    department: .*$", "    department: NO-SUCH-DEPARTMENT");

        var error = LoadErrors.Single(LoadErrors.Of(broken), "catalog.yaml", "services[0].department");

        Assert.StartsWith("'NO-SUCH-DEPARTMENT' is not a department code", error.Message, StringComparison.Ordinal);
        Assert.Equal(Files.LineOf("catalog.yaml", "^    department: "), error.Line);
    }

    [Fact]
    public void A_service_name_without_Spanish_is_refused()
    {
        var broken = Files.ReplaceFirst("catalog.yaml", @"^(  - code: \w+\n    name: \{ en: ""[^""]*"")(, es: ""[^""]*"")( \}\n    description:)", "$1$3");

        var error = LoadErrors.Single(LoadErrors.Of(broken), "catalog.yaml", "services[0].name.es");

        Assert.Equal("is required but missing", error.Message);
    }

    [Fact]
    public void A_strings_file_missing_a_required_text_is_refused_naming_the_key()
    {
        var broken = Files.ReplaceFirst("strings/es.yaml", @"^greeting:.*\n(  .*\n)*", string.Empty);

        var error = LoadErrors.Single(LoadErrors.Of(broken), "strings/es.yaml", "greeting");

        Assert.Contains("needs this text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_intake_steps_with_the_same_id_are_refused()
    {
        var steps = Real.Intake.Steps;
        var broken = Files.Replace("intake.yaml", $"- id: {steps[1].Id}\n", $"- id: {steps[0].Id}\n");

        var error = LoadErrors.Single(LoadErrors.Of(broken), "intake.yaml", "steps[1].id");

        Assert.Equal($"the step id '{steps[0].Id}' is already used by steps[0]", error.Message);
    }

    [Fact]
    public void A_text_that_one_language_has_and_another_lacks_is_refused_in_the_file_lacking_it()
    {
        var broken = Files.WithContent("strings/en.yaml", RepositoryDialogs.Content("strings/en.yaml") + "\nonly.in.english: \"Hello\"\n");

        var error = Assert.Single(LoadErrors.Of(broken));

        Assert.Equal(("strings/es.yaml", "only.in.english"), (error.File, error.Location));
        Assert.Equal("strings/en.yaml has this text but the 'es' translation is missing", error.Message);
    }

    [Fact]
    public void A_new_language_needs_every_text_of_every_file_in_that_language()
    {
        var files = Files.Append(new DialogFile("strings/fr.yaml", RepositoryDialogs.Content("strings/en.yaml"))).ToList();

        var errors = LoadErrors.Of(files);

        LoadErrors.Single(errors, "city.yaml", "name.fr");
        LoadErrors.Single(errors, "catalog.yaml", "services[0].name.fr");
        LoadErrors.Single(errors, "catalog.yaml", "services[0].keywords.fr");
        LoadErrors.Single(errors, "interrupts.yaml", "yes.fr");
        Assert.Equal("the 'fr' list is missing", LoadErrors.Single(errors, "interrupts.yaml", "switchLanguage.fr").Message);
        Assert.All(errors, error => Assert.EndsWith(".fr", error.Location, StringComparison.Ordinal));
    }

    [Fact]
    public void A_typo_in_a_key_is_refused_listing_the_keys_that_exist()
    {
        var broken = Files.ReplaceFirst("channels.yaml", "^    maxButtons:", "    maxButton:");

        var error = Assert.Single(LoadErrors.Of(broken));

        Assert.Equal("channels.yaml", error.File);
        Assert.Equal("channels.default.maxButton", error.Location);
        Assert.StartsWith("'maxButton' is not a known key here; the keys are maxButtons, maxButtonTitle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_question_without_values_is_refused()
    {
        var (service, attribute) = FirstAttribute(AttributeDatatype.Multivaluelist);
        var broken = Files.ReplaceFirst("catalog.yaml", "datatype: multivaluelist$", "datatype: string");

        var error = LoadErrors.Single(LoadErrors.Of(broken), "catalog.yaml", $"services[{service}].attributes[{attribute}].values");

        Assert.StartsWith("a string question has no values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_one_per_line_in_the_message()
    {
        var broken = Files
            .ReplaceFirst("catalog.yaml", "^    department: .*$", "    department: NO-SUCH-DEPARTMENT")
            .ReplaceFirst("channels.yaml", "^    maxButtons:", "    maxButton:")
            .ReplaceFirst("strings/en.yaml", @"^greeting:.*\n(  .*\n)*", string.Empty);

        var exception = Assert.Throws<DialogDefinitionsException>(() => DialogDefinitionsLoader.Load(broken));

        Assert.Contains(exception.Errors, error => error.File == "catalog.yaml");
        Assert.Contains(exception.Errors, error => error.File == "channels.yaml");
        Assert.Contains(exception.Errors, error => error.File == "strings/en.yaml");
        Assert.Contains("\ncatalog.yaml: services[0].department: 'NO-SUCH-DEPARTMENT' is not a department code", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\nstrings/en.yaml: greeting: ", exception.Message, StringComparison.Ordinal);
        Assert.Equal(exception.Errors.Count + 1, exception.Message.Split('\n').Length);
    }

    [Fact]
    public void A_missing_schema_is_refused_naming_it()
    {
        var broken = Files.Without("schema/catalog.schema.json");

        var error = Assert.Single(LoadErrors.Of(broken));

        Assert.Equal("catalog.yaml", error.File);
        Assert.Contains("schema/catalog.schema.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_file_is_refused_naming_it()
    {
        var error = Assert.Single(LoadErrors.Of(Files.Without("intake.yaml")));

        Assert.Equal("intake.yaml", error.File);
        Assert.Equal("the file is missing", error.Message);
    }

    [Fact]
    public void A_misspelled_time_zone_is_refused_naming_the_file_the_line_and_the_value()
    {
        var broken = Files.ReplaceFirst("city.yaml", "^timeZone: .*$", "timeZone: America/New_Yrok");

        var error = LoadErrors.Single(LoadErrors.Of(broken), "city.yaml", "timeZone");

        Assert.StartsWith("'America/New_Yrok' is not a time zone this machine knows", error.Message, StringComparison.Ordinal);
        Assert.Equal(Files.LineOf("city.yaml", "^timeZone:"), error.Line);
    }

    [Fact]
    public void An_unquoted_number_where_text_belongs_is_read_as_the_text_written()
    {
        var files = Files.ReplaceFirst("city.yaml", "^emergencyNumber: .*$", "emergencyNumber: 0911");

        var definitions = DialogDefinitionsLoader.Load(files);

        Assert.Equal("0911", definitions.City.EmergencyNumber);
    }

    [Fact]
    public void Unquoted_yes_and_no_stay_words_as_in_YAML_1_2()
    {
        var files = Files
            .Replace("interrupts.yaml", "\"yes\":\n", "yes:\n")
            .Replace("interrupts.yaml", "[\"y\", \"yes\",", "[y, yes,")
            .Replace("interrupts.yaml", "[\"n\", \"no\",", "[n, no,");

        var interrupts = DialogDefinitionsLoader.Load(files).Interrupts;

        Assert.Equal(["y", "yes"], interrupts.Yes.For("en").Take(2));
        Assert.Equal(["n", "no"], interrupts.No.For("en").Take(2));
    }

    [Fact]
    public void Windows_paths_are_read_like_forward_slash_paths()
    {
        var files = Files.Select(file => file with { Path = file.Path.Replace('/', '\\') }).ToList();

        var definitions = DialogDefinitionsLoader.Load(files);

        Assert.Equal(Real.Version, definitions.Version);
    }

    private static (int Service, int Attribute) FirstAttribute(AttributeDatatype datatype)
    {
        var services = Real.Catalog.Services;
        for (var s = 0; s < services.Count; s++)
        {
            for (var a = 0; a < services[s].Attributes.Count; a++)
            {
                if (services[s].Attributes[a].Datatype == datatype)
                {
                    return (s, a);
                }
            }
        }

        throw new InvalidOperationException($"The catalog has no {datatype} question.");
    }
}
