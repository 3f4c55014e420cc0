using System.Collections.Frozen;

namespace ChannelBot.Geo.Text;

/// <summary>
/// The words of US addresses as residents write them, in English and Spanish, each mapped to one canonical form:
/// USPS street suffixes (and their spelled-out and Spanish forms), directionals, route words and unit words. Every
/// table of address vocabulary is here.
/// </summary>
internal static class AddressWords
{
    /// <summary>Street types: any written form → the USPS abbreviation used in the city's data.</summary>
    public static FrozenDictionary<string, string> Suffixes { get; } = new Dictionary<string, string>
    {
        ["st"] = "ST", ["str"] = "ST", ["street"] = "ST", ["strt"] = "ST", ["stree"] = "ST",
        ["ave"] = "AVE", ["av"] = "AVE", ["avenue"] = "AVE", ["avn"] = "AVE", ["aven"] = "AVE", ["avnue"] = "AVE",
        ["blvd"] = "BLVD", ["boulevard"] = "BLVD", ["boul"] = "BLVD", ["blv"] = "BLVD",
        ["dr"] = "DR", ["drive"] = "DR", ["drv"] = "DR",
        ["ln"] = "LN", ["lane"] = "LN",
        ["ct"] = "CT", ["court"] = "CT", ["crt"] = "CT",
        ["pl"] = "PL", ["place"] = "PL",
        ["way"] = "WAY", ["wy"] = "WAY",
        ["rd"] = "RD", ["road"] = "RD",
        ["ter"] = "TER", ["terrace"] = "TER",
        ["cir"] = "CIR", ["circle"] = "CIR",
        ["pkwy"] = "PKWY", ["parkway"] = "PKWY",
        ["sq"] = "SQ", ["square"] = "SQ",
        ["hwy"] = "HWY", ["highway"] = "HWY",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Street types written before the name, as Spanish does (after <see cref="LocationText.Canonical"/>) ("calle Oak", "avenida Maple"): null = any type.</summary>
    public static FrozenDictionary<string, string?> SpanishTypes { get; } = new Dictionary<string, string?>
    {
        ["calle"] = null,
        ["avenida"] = "AVE", ["ave"] = "AVE", ["avda"] = "AVE",
        ["bulevar"] = "BLVD", ["blvd"] = "BLVD",
        ["camino"] = "RD", ["callejon"] = null, ["pasaje"] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Directionals in any written form → N, S, E, W.</summary>
    public static FrozenDictionary<string, string> Directions { get; } = new Dictionary<string, string>
    {
        ["n"] = "N", ["no"] = "N", ["north"] = "N", ["norte"] = "N",
        ["s"] = "S", ["so"] = "S", ["south"] = "S", ["sur"] = "S",
        ["e"] = "E", ["east"] = "E", ["este"] = "E", ["oriente"] = "E",
        ["w"] = "W", ["west"] = "W", ["oeste"] = "W", ["poniente"] = "W",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words for a numbered route, all read as "route" ("Rte 20", "Hwy 20", "ruta 20").</summary>
    public static FrozenSet<string> RouteWords { get; } =
        new[] { "route", "rte", "rt", "hwy", "highway", "ruta", "carretera", "sr" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words said before a route word and adding nothing ("State Hwy 20", "carretera estatal 20").</summary>
    public static FrozenSet<string> RouteQualifiers { get; } =
        new[] { "state", "estatal", "us" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What starts an apartment or unit: everything after it up to the next word is the unit, not the place.</summary>
    public static FrozenSet<string> UnitWords { get; } =
        new[] { "apt", "apartment", "unit", "suite", "ste", "#", "no", "apto", "apartamento", "depto", "departamento", "oficina", "piso", "fl", "floor", "rm", "room" }
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words joining two streets into an intersection ("Main and 5th", "esquina de Main y la 5").</summary>
    public static FrozenSet<string> Joiners { get; } =
        new[] { "and", "&", "/", "at", "@", "y", "con", "with", "by", "off", "near", "cerca", "junto" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Small words that may stand between a joiner and a street ("and the 5th", "y la 5", "con la calle").</summary>
    public static FrozenSet<string> Articles { get; } =
        new[] { "the", "la", "el", "las", "los", "de", "del", "of" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that announce a street when it is said without a type ("on maple", "en la Oak").</summary>
    public static FrozenSet<string> Locatives { get; } =
        new[] { "on", "along", "off", "onto", "en", "sobre", "por", "calle", "street", "corner", "esquina", "cruce", "near", "cerca", "at", "by", "down", "up" }
            .ToFrozenSet(StringComparer.Ordinal);
}
