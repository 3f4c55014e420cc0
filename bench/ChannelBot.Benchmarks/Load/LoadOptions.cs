using System.Globalization;

namespace ChannelBot.Benchmarks.Load;

/// <summary>Command line of the <c>load</c> mode: <c>--levels 16,64,256 --warmup 5 --duration 25 --storage sqlite,postgres --out file.md</c>.</summary>
public sealed record LoadOptions(IReadOnlyList<int> Levels, TimeSpan Warmup, TimeSpan Duration, IReadOnlyList<string> Storages, string? Output)
{
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        int[] levels = [16, 64, 256];
        var warmup = TimeSpan.FromSeconds(5);
        var duration = TimeSpan.FromSeconds(25);
        List<string> storages = [BenchStorage.Sqlite];
        if (BenchStorage.PostgresServer is not null)
        {
            storages.Add(BenchStorage.Postgres);
        }

        string? output = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--levels":
                    levels = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
                    break;
                case "--warmup":
                    warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--duration":
                    duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--storage":
                    storages = [.. value.Split(',').Select(Storage)];
                    break;
                case "--out":
                    output = value;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }

            i++;
        }

        return new LoadOptions(levels, warmup, duration, storages, output);
    }

    private static string Storage(string name) => name.ToUpperInvariant() switch
    {
        "SQLITE" => BenchStorage.Sqlite,
        "POSTGRES" or "POSTGRESQL" => BenchStorage.Postgres,
        _ => throw new ArgumentException($"Unknown storage {name} (sqlite, postgres)."),
    };
}
