using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Tests.Recognizers;

/// <summary>
/// A small catalog written for the classifier tests, with keywords the way a city would list them (several types
/// share words on purpose: "light out" is both a streetlight and a traffic signal problem, "mattress" both dumping
/// and a bulk pickup, "parked" both a blocked driveway and an abandoned car).
/// </summary>
public static class TestCatalog
{
    public static ServiceCatalog Build() => new()
    {
        Groups = [new ServiceGroup { Key = "streets", Name = Text("Streets", "Calles") }],
        Departments = [new Department { Code = "DPW", Name = Text("Public Works", "Obras Públicas") }],
        Services =
        [
            Service(
                "PTHOLE",
                Text("Pothole", "Bache"),
                ["pothole", "hole in the road", "hole in the street", "crater in the road"],
                ["bache", "hoyo en la calle", "hueco en la calle"],
                new ServiceAttribute
                {
                    Code = "WHERE",
                    Datatype = AttributeDatatype.Singlevaluelist,
                    Order = 1,
                    Description = Text("Where is it?", "¿Dónde está?"),
                    Values =
                    [
                        Value("LANE", "Travel lane", "Carril", ["traffic lane"], ["carril de circulacion"]),
                        Value("BIKE", "Bike lane", "Ciclovía", ["bicycle lane"], ["carril bici"]),
                    ],
                }),
            Service(
                "STLIGHT",
                Text("Streetlight out", "Farola apagada"),
                ["streetlight", "street light", "light out", "light is out", "lamp post", "dark street"],
                ["farola", "alumbrado", "luz apagada", "poste de luz"]),
            Service(
                "SIGNAL",
                Text("Traffic signal problem", "Problema de semáforo"),
                ["traffic light", "traffic signal", "stoplight", "light out", "light is out", "red light stuck"],
                ["semaforo", "luz apagada", "semaforo descompuesto"]),
            Service(
                "DUMPING",
                Text("Illegal dumping", "Vertido ilegal"),
                ["dumped", "dumping", "illegal dumping", "mattress", "trash pile", "tires dumped"],
                ["tiraron basura", "basura tirada", "colchon", "vertedero"]),
            Service(
                "BULKY",
                Text("Bulk item pickup", "Recogida de objetos grandes"),
                ["bulk pickup", "mattress", "couch", "sofa", "furniture", "old fridge"],
                ["colchon", "sofa", "muebles", "recoger muebles"]),
            Service(
                "DRIVEWAY",
                Text("Blocked driveway", "Entrada bloqueada"),
                ["blocked driveway", "blocking my driveway", "parked in front of my driveway", "driveway"],
                ["entrada bloqueada", "tapando mi entrada", "cochera"]),
            Service(
                "ABANDONED",
                Text("Abandoned vehicle", "Vehículo abandonado"),
                ["abandoned car", "abandoned vehicle", "hasn't moved", "has not moved", "car", "vehicle", "parked for weeks", "junk car"],
                ["carro abandonado", "coche abandonado", "auto abandonado", "no se ha movido"]),
            Service(
                "RODENT",
                Text("Rodents", "Roedores"),
                ["rats", "rat", "mice", "rodents"],
                ["ratas", "ratones", "roedores"]),
            Service(
                "OTHER",
                Text("Other request", "Otra solicitud"),
                ["something else", "general question", "other"],
                ["otra cosa", "pregunta general", "otro"]),
        ],
    };

    private static ServiceDefinition Service(
        string code, LocalizedText name, List<string> english, List<string> spanish, params ServiceAttribute[] attributes) => new()
        {
            Code = code,
            Name = name,
            Description = name,
            Group = "streets",
            Department = "DPW",
            Keywords = new LocalizedList { ["en"] = english, ["es"] = spanish },
            Sla = new ServiceLevel { Days = 5 },
            Notice = Text("We will look at it.", "Lo revisaremos."),
            Attributes = attributes,
        };

    private static AttributeValue Value(string key, string english, string spanish, List<string> englishSynonyms, List<string> spanishSynonyms) => new()
    {
        Key = key,
        Name = Text(english, spanish),
        Synonyms = new LocalizedList { ["en"] = englishSynonyms, ["es"] = spanishSynonyms },
    };

    private static LocalizedText Text(string english, string spanish) => new() { ["en"] = english, ["es"] = spanish };
}
