// generate-sample-city.cs — writes "Springfield", the fictional sample city that ChannelBot's geocoder is developed
// and tested against: address points (OpenAddresses layout), street centrelines with address ranges, the city limit,
// six wards, 30 named places with the names residents use for them, and the neighbouring jurisdictions.
// geo/springfield/README.md describes each file.
//
// Run from the repository root (a .NET 10 file-based program: no project file, no packages):
//
//     dotnet run scripts/generate-sample-city.cs -- geo/springfield
//
// Deterministic: fixed seeds, its own random number generator and no clock, so every run writes the same bytes.
// After writing, it reads the files back and checks them (addresses and places inside the city limit, wards valid and
// covering it, streets crossing only at shared vertices, address ranges consistent with the points), prints a summary
// and exits 1 when a check fails.

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

var outDir = args.Length > 0 ? args[0] : Path.Combine("geo", "springfield");
Directory.CreateDirectory(outDir);
var city = new City();
city.Build();
city.Write(outDir);
var report = Checker.Run(outDir);
city.PrintSummary(outDir, report);
if (report.Failures.Count > 0)
{
    Console.Error.WriteLine($"{report.Failures.Count} check(s) failed.");
    return 1;
}
return 0;

// ---------------------------------------------------------------------------------------------------------------
// Geometry basics. Everything is built in metres on a local plane (x east, y north, origin at Main St and State St)
// and projected to WGS84 longitude/latitude (6 decimals) only when written.
// ---------------------------------------------------------------------------------------------------------------

readonly record struct V(double X, double Y)
{
    public static V operator +(V a, V b) => new(a.X + b.X, a.Y + b.Y);
    public static V operator -(V a, V b) => new(a.X - b.X, a.Y - b.Y);
    public static V operator *(V a, double k) => new(a.X * k, a.Y * k);
    public double Len => Math.Sqrt(X * X + Y * Y);
    public V Unit => this * (1 / Len);
    public V Left => new(-Y, X);
}

static class Proj
{
    public const double Lat0 = 42.10, Lon0 = -72.59;
    static readonly double Phi = Lat0 * Math.PI / 180;
    public static readonly double MLat = 111132.954 - 559.822 * Math.Cos(2 * Phi) + 1.175 * Math.Cos(4 * Phi);
    public static readonly double MLon = 111412.84 * Math.Cos(Phi) - 93.5 * Math.Cos(3 * Phi) + 0.118 * Math.Cos(5 * Phi);

    public static (double Lon, double Lat) ToLonLat(V p) => (Math.Round(Lon0 + p.X / MLon, 6), Math.Round(Lat0 + p.Y / MLat, 6));
    public static V FromLonLat(double lon, double lat) => new((lon - Lon0) * MLon, (lat - Lat0) * MLat);
    public static string F(double d) => d.ToString("F6", CultureInfo.InvariantCulture);
    public static string Coord(V p)
    {
        var (lon, lat) = ToLonLat(p);
        return $"[{F(lon)},{F(lat)}]";
    }
}

static class Geo
{
    public static double Cross(V a, V b) => a.X * b.Y - a.Y * b.X;
    public static double Dot(V a, V b) => a.X * b.X + a.Y * b.Y;

    public static double[] Cum(IReadOnlyList<V> p)
    {
        var c = new double[p.Count];
        for (int i = 1; i < p.Count; i++)
        {
            c[i] = c[i - 1] + (p[i] - p[i - 1]).Len;
        }
        return c;
    }

    public static double Length(IReadOnlyList<V> p)
    {
        double l = 0;
        for (int i = 1; i < p.Count; i++)
        {
            l += (p[i] - p[i - 1]).Len;
        }
        return l;
    }

    /// <summary>The point at arc length s along a polyline and the direction of the segment it lies on.</summary>
    public static (V Pt, V Dir) At(IReadOnlyList<V> p, double s)
    {
        double acc = 0;
        for (int i = 0; i + 1 < p.Count; i++)
        {
            var d = p[i + 1] - p[i];
            double l = d.Len;
            if (l <= 0)
            {
                continue;
            }
            if (acc + l >= s || i + 2 == p.Count)
            {
                double t = Math.Clamp((s - acc) / l, 0, 1);
                return (p[i] + d * t, d * (1 / l));
            }
            acc += l;
        }
        return (p[^1], (p[^1] - p[0]).Unit);
    }

    public static List<V> Resample(IReadOnlyList<V> pts, double step)
    {
        var res = new List<V>();
        double len = Length(pts);
        for (double s = 0; s < len; s += step)
        {
            res.Add(At(pts, s).Pt);
        }
        res.Add(pts[^1]);
        return res;
    }

    public static (double D, double T) DistSeg(V p, V a, V b)
    {
        var ab = b - a;
        double l2 = Dot(ab, ab);
        double t = l2 > 0 ? Math.Clamp(Dot(p - a, ab) / l2, 0, 1) : 0;
        return ((a + ab * t - p).Len, t);
    }

    public static double DistPolyline(V p, IReadOnlyList<V> pts)
    {
        double best = double.MaxValue;
        for (int i = 0; i + 1 < pts.Count; i++)
        {
            best = Math.Min(best, DistSeg(p, pts[i], pts[i + 1]).D);
        }
        return best;
    }

    /// <summary>Even-odd point in polygon; the ring is open (its first vertex is not repeated).</summary>
    public static bool InRing(V p, IReadOnlyList<V> ring)
    {
        bool inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            V a = ring[i], b = ring[j];
            if ((a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X - a.X) * (p.Y - a.Y) / (b.Y - a.Y) + a.X)
            {
                inside = !inside;
            }
        }
        return inside;
    }

    public static double DistRing(V p, IReadOnlyList<V> ring)
    {
        double best = double.MaxValue;
        for (int i = 0; i < ring.Count; i++)
        {
            best = Math.Min(best, DistSeg(p, ring[i], ring[(i + 1) % ring.Count]).D);
        }
        return best;
    }

    /// <summary>Signed area, positive for a counter-clockwise ring.</summary>
    public static double Area(IReadOnlyList<V> ring)
    {
        double a = 0;
        for (int i = 0; i < ring.Count; i++)
        {
            a += Cross(ring[i], ring[(i + 1) % ring.Count]);
        }
        return a / 2;
    }

    public static List<V> Ccw(List<V> ring)
    {
        if (Area(ring) < 0)
        {
            ring.Reverse();
        }
        return ring;
    }

    /// <summary>Number of pairs of non-adjacent edges of a ring that touch or cross (0 for a simple ring).</summary>
    public static int SelfIntersections(IReadOnlyList<V> ring)
    {
        int n = ring.Count, bad = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (j == i + 1 || (i == 0 && j == n - 1))
                {
                    continue;
                }
                if (SegmentsTouch(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n]))
                {
                    bad++;
                }
            }
        }
        return bad;
    }

    public static bool SegmentsTouch(V a, V b, V c, V d)
    {
        if (Math.Max(a.X, b.X) < Math.Min(c.X, d.X) || Math.Max(c.X, d.X) < Math.Min(a.X, b.X)
            || Math.Max(a.Y, b.Y) < Math.Min(c.Y, d.Y) || Math.Max(c.Y, d.Y) < Math.Min(a.Y, b.Y))
        {
            return false;
        }
        double d1 = Cross(b - a, c - a), d2 = Cross(b - a, d - a), d3 = Cross(d - c, a - c), d4 = Cross(d - c, b - c);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return true;
        }
        return DistSeg(c, a, b).D < 1e-9 || DistSeg(d, a, b).D < 1e-9 || DistSeg(a, c, d).D < 1e-9 || DistSeg(b, c, d).D < 1e-9;
    }

    /// <summary>Intersections of segments ab and cd as parameters (t on ab, u on cd), with a 2 cm tolerance.</summary>
    public static List<(double T, double U)> Intersect(V a, V b, V c, V d)
    {
        var res = new List<(double, double)>();
        var r = b - a;
        var s = d - c;
        double rl = r.Len, sl = s.Len;
        if (rl == 0 || sl == 0)
        {
            return res;
        }
        const double tol = 0.02;
        double den = Cross(r, s);
        if (Math.Abs(den) > 1e-9 * rl * sl)
        {
            double t = Cross(c - a, s) / den, u = Cross(c - a, r) / den;
            if (t >= -tol / rl && t <= 1 + tol / rl && u >= -tol / sl && u <= 1 + tol / sl)
            {
                res.Add((Math.Clamp(t, 0, 1), Math.Clamp(u, 0, 1)));
            }
            return res;
        }
        // Parallel: only endpoints touching the other segment count.
        var (dc, tc) = DistSeg(c, a, b);
        if (dc < tol)
        {
            res.Add((tc, 0));
        }
        var (dd, td) = DistSeg(d, a, b);
        if (dd < tol)
        {
            res.Add((td, 1));
        }
        var (da, ua) = DistSeg(a, c, d);
        if (da < tol)
        {
            res.Add((0, ua));
        }
        var (db, ub) = DistSeg(b, c, d);
        if (db < tol)
        {
            res.Add((1, ub));
        }
        return res;
    }

    /// <summary>Catmull-Rom spline through the control points, sampled about every <paramref name="step"/> metres.</summary>
    public static List<V> Spline(IReadOnlyList<V> c, double step)
    {
        var pts = new List<V>();
        int n = c.Count;
        for (int i = 0; i < n - 1; i++)
        {
            V p0 = i == 0 ? c[0] * 2 - c[1] : c[i - 1];
            V p1 = c[i], p2 = c[i + 1];
            V p3 = i + 2 < n ? c[i + 2] : c[n - 1] * 2 - c[n - 2];
            int k = Math.Max(1, (int)Math.Ceiling((p2 - p1).Len / step));
            pts.Add(p1);
            for (int j = 1; j < k; j++)
            {
                double t = (double)j / k, t2 = t * t, t3 = t2 * t;
                var q = (p1 * 2 + (p2 - p0) * t + (p0 * 2 - p1 * 5 + p2 * 4 - p3) * t2 + (p1 * 3 - p0 - p2 * 3 + p3) * t3) * 0.5;
                pts.Add(q);
            }
        }
        pts.Add(c[n - 1]);
        return pts;
    }

    public static IEnumerable<(int, int)> Cells(V a, V b, double cell, double pad)
    {
        int x0 = (int)Math.Floor((Math.Min(a.X, b.X) - pad) / cell), x1 = (int)Math.Floor((Math.Max(a.X, b.X) + pad) / cell);
        int y0 = (int)Math.Floor((Math.Min(a.Y, b.Y) - pad) / cell), y1 = (int)Math.Floor((Math.Max(a.Y, b.Y) + pad) / cell);
        for (int x = x0; x <= x1; x++)
        {
            for (int y = y0; y <= y1; y++)
            {
                yield return (x, y);
            }
        }
    }
}

/// <summary>SplitMix64: the same numbers on every platform and .NET version.</summary>
sealed class Rng(ulong seed)
{
    private ulong _s = seed;

    public static Rng For(string key) => new(Fnv(key) ^ 0x5EED20260311UL);

    public static ulong Fnv(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return h;
    }

    public ulong Next()
    {
        _s += 0x9E3779B97F4A7C15UL;
        ulong z = _s;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public double Double() => (Next() >> 11) * (1.0 / (1UL << 53));
    public int Int(int lo, int hiExclusive) => lo + (int)(Next() % (ulong)(hiExclusive - lo));
    public bool Chance(double p) => Double() < p;
}

/// <summary>The river's centreline, with arc length s (0 at its north end, growing downstream to the south).</summary>
sealed class River
{
    public readonly List<V> Pts;
    public readonly double[] Cum;

    public River(List<V> pts)
    {
        Pts = pts;
        Cum = Geo.Cum(pts);
    }

    public double Length => Cum[^1];

    public V At(double s)
    {
        s = Math.Clamp(s, 0, Length);
        int i = Array.BinarySearch(Cum, s);
        if (i >= 0)
        {
            return Pts[i];
        }
        i = ~i;
        double t = (s - Cum[i - 1]) / (Cum[i] - Cum[i - 1]);
        return Pts[i - 1] + (Pts[i] - Pts[i - 1]) * t;
    }

    /// <summary>Unit normal pointing to the west bank (right of the flow).</summary>
    public V West(double s)
    {
        var t = (At(s + 25) - At(s - 25)).Unit;
        return new V(t.Y, -t.X);
    }

    /// <summary>A point v metres from the centreline at s: positive v on the west bank, negative on the east bank.</summary>
    public V Frame(double s, double v) => At(s) + West(s) * v;

    /// <summary>Arc length of the nearest centreline point and the signed distance (positive west).</summary>
    public (double S, double V) Project(V p)
    {
        double best = double.MaxValue, bs = 0, bv = 0;
        for (int i = 0; i + 1 < Pts.Count; i++)
        {
            var (d, t) = Geo.DistSeg(p, Pts[i], Pts[i + 1]);
            if (d < best)
            {
                best = d;
                var seg = Pts[i + 1] - Pts[i];
                var q = Pts[i] + seg * t;
                var dir = seg.Unit;
                bs = Cum[i] + t * (Cum[i + 1] - Cum[i]);
                bv = Math.Sign(Geo.Dot(p - q, new V(dir.Y, -dir.X))) * d;
            }
        }
        return (bs, bv);
    }

    public double SAtY(double y)
    {
        for (int i = 0; i + 1 < Pts.Count; i++)
        {
            if ((Pts[i].Y - y) * (Pts[i + 1].Y - y) <= 0)
            {
                double t = (Pts[i].Y - y) / (Pts[i].Y - Pts[i + 1].Y);
                return Cum[i] + t * (Cum[i + 1] - Cum[i]);
            }
        }
        throw new InvalidOperationException($"river never reaches y={y}");
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Streets
// ---------------------------------------------------------------------------------------------------------------

sealed record StreetName(string Dir, string Base, string Suffix)
{
    static readonly HashSet<string> Suffixes = ["ST", "AVE", "BLVD", "DR", "LN", "CT", "PL", "WAY", "RD"];

    public static StreetName Parse(string name)
    {
        var w = name.Split(' ');
        string suffix = Suffixes.Contains(w[^1]) ? w[^1] : "";
        int end = suffix.Length > 0 ? w.Length - 1 : w.Length;
        string dir = end > 1 && w[0] is "N" or "S" or "E" or "W" ? w[0] : "";
        int start = dir.Length > 0 ? 1 : 0;
        return new StreetName(dir, string.Join(' ', w[start..end]), suffix);
    }

    public string Name => string.Join(' ', new[] { Dir, Base, Suffix }.Where(p => p.Length > 0));
    public string FullName => string.Join(' ', new[] { DirWord(Dir), Title(Base), SuffixWord(Suffix) }.Where(p => p.Length > 0));

    public string Type => Suffix switch
    {
        "ST" => "street",
        "AVE" => "avenue",
        "BLVD" => "boulevard",
        "DR" => "drive",
        "LN" => "lane",
        "CT" => "court",
        "PL" => "place",
        "WAY" => "way",
        "RD" => "road",
        _ => "highway",
    };

    static string DirWord(string d) => d switch { "N" => "North", "S" => "South", "E" => "East", "W" => "West", _ => "" };

    static string SuffixWord(string s) => s switch
    {
        "ST" => "Street",
        "AVE" => "Avenue",
        "BLVD" => "Boulevard",
        "DR" => "Drive",
        "LN" => "Lane",
        "CT" => "Court",
        "PL" => "Place",
        "WAY" => "Way",
        "RD" => "Road",
        _ => "",
    };

    public static string Title(string b) => string.Join(' ', b.Split(' ').Select(w =>
        char.IsDigit(w[0]) ? w.ToLowerInvariant()
        : w.Length > 2 && w.StartsWith("MC", StringComparison.Ordinal) ? "Mc" + w[2] + w[3..].ToLowerInvariant()
        : w[0] + w[1..].ToLowerInvariant()));
}

enum Side { East, West, Any }

enum Numbering { Coord, Arc, Block }

/// <summary>One named street as drawn (before it is split into blocks at every intersection).</summary>
sealed class Way
{
    public required StreetName Street { get; init; }
    public string Name => Street.Name;
    public required List<V> Pts { get; init; }
    /// <summary>Which side of the river the street lives on; its pieces elsewhere (and in the river) are dropped.</summary>
    public Side Side { get; init; } = Side.East;
    public Numbering Mode { get; init; } = Numbering.Coord;
    /// <summary>Coord: the address number at a point (the grid's hundred-blocks).</summary>
    public Func<V, double>? CoordA { get; init; }
    /// <summary>Coord: numbers added from a piece on (a skipped range), decided at the piece's midpoint.</summary>
    public Func<V, double>? Skip { get; init; }
    /// <summary>Arc: number = ArcA0 + ArcK * metres from where the street enters the city.</summary>
    public double ArcA0 { get; init; }
    public double ArcK { get; init; } = 0.1;
    /// <summary>Block: the i-th block of the street has numbers (BlockBase + i) * 100 .. +99.</summary>
    public int BlockBase { get; init; } = 1;
    public int BlockSkipAfter { get; init; } = -1;
    /// <summary>Odd numbers on the left when walking towards higher numbers.</summary>
    public bool OddOnLeft { get; init; }
    public bool CutByParks { get; init; } = true;
    public bool RiverRoad { get; init; }
    public double LotScale { get; init; } = 1;
    public bool LetterSuffixes { get; init; }
    public string[] AltNames { get; init; } = [];
}

/// <summary>A block: the part of a way between two consecutive intersections (or an intersection and a dead end).</summary>
sealed class Piece
{
    public required Way Way { get; init; }
    public required List<V> Pts { get; init; }
    public int Index { get; init; }
    public double S0 { get; init; }
    public double S1 { get; init; }
    public double Length { get; init; }
    public int NodeA { get; init; }
    public int NodeB { get; init; }
    public bool Kept { get; set; } = true;
    public bool WestBank { get; set; }
    public double A0 { get; set; }
    public double A1 { get; set; }
    public double Lo => Math.Min(A0, A1);
    public double Hi => Math.Max(A0, A1);
}

enum ZoneKind { Downtown, OldTown, Residential, Suburban, Commercial, Industrial }

sealed record Zone(ZoneKind Kind, double Lot, double Vacancy, double Multi);

sealed class Addr
{
    public required string Street { get; init; }
    public required string Number { get; init; }
    public int Num { get; init; }
    public string Unit { get; init; } = "";
    public V P { get; init; }
    public required string Zip { get; init; }
}

sealed class Place
{
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string[] Aliases { get; init; }
    public List<V>? Polygon { get; init; }
    public V Point { get; init; }
    public string? Street { get; init; }
    public V Near { get; init; }
    public bool CutsStreets { get; init; }
    public string? Address { get; set; }
    public V? AddressPoint { get; set; }
    public int Ward { get; set; }
}

sealed class Neighbour
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string Where { get; init; }
    public required string Handles { get; init; }
    public required string Department { get; init; }
    public required string Phone { get; init; }
    public required string Website { get; init; }
    public required string Email { get; init; }
    public required List<V> Ring { get; init; }
    /// <summary>Roads this jurisdiction maintains that a resident of the city might name.</summary>
    public List<string> Roads { get; } = [];
    /// <summary>City streets that run on across the city limit into this jurisdiction.</summary>
    public List<string> Continuing { get; } = [];
}

// ---------------------------------------------------------------------------------------------------------------
// The city
// ---------------------------------------------------------------------------------------------------------------

sealed class City
{
    const double Setback = 12;            // address points sit this far from the centreline
    const double Density = 1.03;          // multiplies every lot width (tunes the number of addresses)
    const double BlockNS = 120, BlockEW = 200;
    const string CityName = "SPRINGFIELD", District = "PIONEER COUNTY", Region = "MA";

    public River River { get; private set; } = null!;
    double _sN, _sS, _sE;                 // river arc length at the west bank's north and south ends, and the city's south end
    V _pN, _pS, _pE;
    public List<V> Boundary { get; private set; } = [];
    public List<Way> Ways { get; } = [];
    public List<Place> Places { get; } = [];
    public List<Piece> Pieces { get; } = [];
    public List<V> Nodes { get; } = [];
    readonly Dictionary<(long, long), List<int>> _nodeIndex = [];
    public List<Addr> Addresses { get; } = [];
    public List<(int Number, List<V> Ring)> Wards { get; } = [];
    public List<Neighbour> Neighbours { get; } = [];
    readonly List<string> _notes = [];

    // West bank: Riverview Blvd and Highland Rd are sampled on a 10 m lattice of river arc length, so that the curvy
    // streets can start exactly on one of their vertices.
    double _lat0;
    double _forestS = double.NaN, _libraryS = double.NaN;

    public void Build()
    {
        BuildRiver();
        BuildBoundary();
        BuildGrid();
        BuildOldTown();
        BuildRiverRoads();
        BuildRoute20();
        BuildIndustrial();
        BuildWestBank();
        DefinePlaces();
        Node();
        FilterPieces();
        Number();
        PlaceAddresses();
        BuildAddresses();
        BuildWards();
        AssignPlaceWards();
        BuildNeighbours();
    }

    // --- the river and the city limit ----------------------------------------------------------------------------

    void BuildRiver()
    {
        var ctrl = new List<V>
        {
            new(-4300, 5600), new(-3800, 4700), new(-3300, 3800), new(-2900, 2900), new(-2450, 2000), new(-1950, 1100),
            new(-1550, 300), new(-1250, -450), new(-900, -1250), new(-450, -2000), new(100, -2900), new(600, -3800),
        };
        River = new River(Geo.Spline(ctrl, 20));
        _sN = River.SAtY(4400);
        _sS = River.SAtY(300);
        _sE = River.SAtY(-1570);
        _pN = River.At(_sN);
        _pS = River.At(_sS);
        _pE = River.At(_sE);
    }

    double VEdge(double s) => 1280 + 40 * Math.Sin((s - _sN) / 480) - 20 * Math.Cos((s - _sN) / 210);

    static readonly V SeNotch = new(2000, -1585);

    void BuildBoundary()
    {
        var ring = new List<V> { _pE };
        ring.AddRange(
        [
            new(-300, -1585), new(300, -1560), new(800, -1590), new(1300, -1570), SeNotch, new(2000, -900),
            new(2780, -900), new(2800, -300), new(2770, 400), new(2790, 1000), new(2780, 1620), new(3450, 1620),
            new(3450, 2220), new(2780, 2220), new(2795, 2600), new(2770, 3300), new(2790, 3900), new(2780, 4250),
            new(1950, 4250), new(1950, 4950), new(1300, 4960), new(600, 4940), new(0, 4955), new(-700, 4945),
            new(-1400, 4960), new(-2000, 4940), new(-2500, 4950), new(-3000, 4500),
        ]);
        ring.Add(_pN);
        for (double s = _sN; s < _sS - 75; s += 150)
        {
            ring.Add(River.Frame(s, VEdge(s)));
        }
        ring.Add(River.Frame(_sS, VEdge(_sS)));
        ring.Add(_pS);
        for (int i = 0; i < River.Pts.Count; i++)
        {
            if (River.Cum[i] > _sS + 1 && River.Cum[i] < _sE - 1)
            {
                ring.Add(River.Pts[i]);
            }
        }
        if (Geo.Area(ring) <= 0 || Geo.SelfIntersections(ring) > 0)
        {
            throw new InvalidOperationException("the city limit is not a simple counter-clockwise ring");
        }
        Boundary = ring;
    }

    // --- streets -------------------------------------------------------------------------------------------------

    void Add(Way w)
    {
        if (Ways.Any(x => x.Name == w.Name))
        {
            throw new InvalidOperationException($"two ways named {w.Name}");
        }
        Ways.Add(w);
    }

    static string Ordinal(int k)
    {
        string suf = (k % 100) is 11 or 12 or 13 ? "TH" : (k % 10) switch { 1 => "ST", 2 => "ND", 3 => "RD", _ => "TH" };
        return k.ToString(CultureInfo.InvariantCulture) + suf;
    }

    static readonly string[] WestAvenues =
    [
        "OAK", "MAPLE", "ELM", "PINE", "CEDAR", "BIRCH", "WALNUT", "CHESTNUT", "SPRUCE", "WILLOW", "HICKORY", "ASH",
        "SYCAMORE", "POPLAR", "CYPRESS", "MAGNOLIA", "LINDEN",
    ];

    static readonly string[] EastAvenues =
    [
        "WASHINGTON", "ADAMS", "JEFFERSON", "MADISON", "MONROE", "JACKSON", "LINCOLN", "GRANT", "GARFIELD", "CLEVELAND",
        "MCKINLEY", "ROOSEVELT", "WILSON",
    ];

    /// <summary>
    /// North of State St: Main St splits into N/S at State St; numbered streets 1st..40th run east-west every 120 m
    /// and split into E/W at Main St; avenues (trees west of Main, presidents east) run north-south every 200 m.
    /// Avenue and N Main numbers count 100 per numbered street from State St; numbered-street numbers count 100 per
    /// avenue from Main St.
    /// </summary>
    void BuildGrid()
    {
        Add(new Way
        {
            Street = new("N", "MAIN", "ST"), Pts = [new(0, 0), new(0, 6000)], OddOnLeft = true,
            CoordA = p => 100 * p.Y / BlockNS,
        });
        Add(new Way
        {
            Street = new("S", "MAIN", "ST"), Pts = [new(0, -3000), new(0, 0)], OddOnLeft = false,
            CoordA = p => -100 * p.Y / BlockNS,
        });
        for (int i = 1; i <= WestAvenues.Length; i++)
        {
            double x = -BlockEW * i;
            Add(new Way
            {
                Street = new("", WestAvenues[i - 1], "AVE"), Pts = [new(x, 0), new(x, 6000)], OddOnLeft = true,
                CoordA = p => 100 * p.Y / BlockNS, LotScale = 1.6,
            });
        }
        for (int i = 1; i <= EastAvenues.Length; i++)
        {
            double x = BlockEW * i;
            Add(new Way
            {
                Street = new("", EastAvenues[i - 1], "AVE"), Pts = [new(x, 0), new(x, 6000)], OddOnLeft = true,
                CoordA = p => 100 * p.Y / BlockNS, LotScale = 1.6,
            });
        }
        for (int k = 1; k <= 40; k++)
        {
            double y = BlockNS * k;
            // 14th..18th end at Wilson Ave: east of it is the Route 20 commercial strip.
            double eastEnd = k is >= 14 and <= 18 ? 2600 : 6000;
            Add(new Way
            {
                Street = new("E", Ordinal(k), "ST"), Pts = [new(0, y), new(eastEnd, y)], OddOnLeft = false,
                CoordA = p => 100 * p.X / BlockEW,
            });
            bool bridge = k is 18 or 32;
            Add(new Way
            {
                Street = new("W", Ordinal(k), "ST"), Pts = [new(-6000, y), new(0, y)], OddOnLeft = true,
                CoordA = p => -100 * p.X / BlockEW, Side = bridge ? Side.Any : Side.East, CutByParks = !bridge,
            });
        }
    }

    static readonly string[] OldTownCross =
        ["COURT", "BRIDGE", "UNION", "CHURCH", "SCHOOL", "PLEASANT", "SPRING", "MAPLE", "OAK", "HIGH", "CHESTNUT", "SUMMER"];

    static readonly (string Name, double X)[] OldTownLong =
    [
        ("FRONT", -1100), ("WATER", -900), ("MARKET", -500), ("BANK", -300), ("CHAPEL", -100), ("ELM", 100), ("DWIGHT", 300),
        ("ARCH", 500), ("WALNUT", 700), ("LOCUST", 900), ("CHERRY", 1100), ("MULBERRY", 1300), ("ORCHARD", 1500),
        ("PROSPECT", 1700), ("HANCOCK", 1900),
    ];

    /// <summary>
    /// South of State St, the old town predates the grid: its east-west streets are numbered from the river (100 per
    /// 200 m, so the hundreds change at its north-south streets), its north-south streets from State St southwards,
    /// and its north-south streets are offset 100 m from the avenues.
    /// </summary>
    void BuildOldTown()
    {
        Func<V, double> fromRiver = p => 100 * (p.X + 1500) / BlockEW;
        Add(new Way { Street = new("", "STATE", "ST"), Pts = [new(-3000, 0), new(6000, 0)], OddOnLeft = false, CoordA = fromRiver });
        for (int j = 1; j <= OldTownCross.Length; j++)
        {
            double y = -BlockNS * j;
            string b = OldTownCross[j - 1];
            Func<V, double>? skip = b switch
            {
                "SCHOOL" => p => p.X > 900 ? 100 : 0,
                "PLEASANT" => p => p.X > 1300 ? 200 : 0,
                _ => null,
            };
            Add(new Way
            {
                Street = new("", b, "ST"), Pts = [new(-3000, y), new(j <= 2 ? 6000 : 1900, y)], OddOnLeft = false,
                CoordA = fromRiver, Skip = skip, Side = b == "BRIDGE" ? Side.Any : Side.East, CutByParks = b != "BRIDGE",
                LetterSuffixes = b is "UNION" or "SPRING",
            });
        }
        foreach (var (b, x) in OldTownLong)
        {
            Add(new Way
            {
                Street = new("", b, "ST"), Pts = [new(x, -BlockNS * 12), new(x, 0)], OddOnLeft = false,
                CoordA = p => -100 * p.Y / BlockNS, LetterSuffixes = b == "DWIGHT",
            });
        }
        // Short dead-end places off the old town's blocks, numbered from their open end (1, 2, 3 ...).
        (string Name, double X, double Y)[] places =
        [
            ("LIBERTY", 200, -120), ("TEMPLE", -400, -360), ("ACADEMY", 600, -480), ("GROVE", 1000, -600), ("CONCORD", -200, -720),
            ("FRANKLIN", 1400, -840), ("CLINTON", -700, -960), ("HARRISON", 800, -1200),
        ];
        foreach (var (name, x, y) in places)
        {
            Add(new Way
            {
                Street = new("", name, "PL"), Pts = [new(x, y), new(x, y - 58)], Mode = Numbering.Arc, ArcA0 = 0, ArcK = 0.1,
                OddOnLeft = true,
            });
        }
    }

    /// <summary>The east bank boulevard 80 m from the river's centreline (Riverside Blvd north of State St, Waterfront Blvd
    /// south of it) and, on the west bank, Riverview Blvd (80 m) and Highland Rd (about 700 m).</summary>
    void BuildRiverRoads()
    {
        var east = new List<V>();
        for (double s = 0; s <= River.Length; s += 15)
        {
            east.Add(River.Frame(s, -80));
        }
        int cut = Enumerable.Range(0, east.Count - 1).First(i => east[i].Y > 0 && east[i + 1].Y <= 0);
        double t = east[cut].Y / (east[cut].Y - east[cut + 1].Y);
        var atState = new V(east[cut].X + t * (east[cut + 1].X - east[cut].X), 0);
        var north = east.Take(cut + 1).ToList();
        north.Add(atState);
        var south = new List<V> { atState };
        south.AddRange(east.Skip(cut + 1));
        Add(new Way
        {
            Street = new("", "RIVERSIDE", "BLVD"), Pts = north, OddOnLeft = true, CoordA = p => 100 * p.Y / BlockNS,
            Side = Side.Any, CutByParks = false, RiverRoad = true, LotScale = 1.3,
        });
        Add(new Way
        {
            Street = new("", "WATERFRONT", "BLVD"), Pts = south, OddOnLeft = false, CoordA = p => -100 * p.Y / BlockNS,
            Side = Side.Any, CutByParks = false, RiverRoad = true, LotScale = 1.3,
        });

        _lat0 = Math.Floor(_sN / 10) * 10 - 60;
        int kMax = (int)Math.Ceiling((_sS + 60 - _lat0) / 10);
        Add(new Way
        {
            Street = new("", "RIVERVIEW", "BLVD"), Pts = Enumerable.Range(0, kMax + 1).Select(RiverviewAt).ToList(),
            OddOnLeft = true, CoordA = p => 100 * p.Y / BlockNS, Side = Side.Any, CutByParks = false, RiverRoad = true,
            LotScale = 1.2,
        });
        Add(new Way
        {
            Street = new("", "HIGHLAND", "RD"), Pts = Enumerable.Range(0, kMax + 1).Select(HighlandAt).ToList(),
            OddOnLeft = true, CoordA = p => 100 * p.Y / BlockNS, Side = Side.Any, LotScale = 1.2,
        });
    }

    double Lattice(int k) => _lat0 + 10.0 * k;
    int LatticeIndex(double s) => (int)Math.Round((s - _lat0) / 10);
    double VH(double s) => 700 + 45 * Math.Sin((s - _sN) / 260);
    V HighlandAt(int k) => River.Frame(Lattice(k), VH(Lattice(k)));
    V RiverviewAt(int k) => River.Frame(Lattice(k), 80);

    /// <summary>
    /// The state highway. East of the river it is a straight diagonal (slope 0.3, through y = 990 at Main St), which
    /// crosses every avenue 30 m from a numbered street and every numbered street mid-block; it bends on the west bank.
    /// Numbers grow eastwards, 100 per 150 m from the west city limit.
    /// </summary>
    void BuildRoute20()
    {
        Add(new Way
        {
            Street = new("", "ROUTE 20", ""), Pts = [new(-7000, -150), new(-4500, 60), new(-3000, 190), new(-2200, 330), new(7000, 3090)],
            Mode = Numbering.Arc, ArcA0 = 100, ArcK = 1 / 1.5, OddOnLeft = false, Side = Side.Any, CutByParks = false,
            LotScale = 2.0, AltNames = ["STATE HWY 20", "RTE 20"],
        });
    }

    void BuildIndustrial()
    {
        Add(new Way
        {
            Street = new("", "INDUSTRIAL", "WAY"),
            Pts = Geo.Spline([new(1900, -480), new(2150, -540), new(2400, -500), new(2580, -380), new(2620, -240)], 10),
            Mode = Numbering.Block, OddOnLeft = true,
        });
        Add(new Way
        {
            Street = new("", "COMMERCE", "WAY"),
            Pts = Geo.Spline([new(1900, -720), new(2150, -690), new(2400, -740), new(2560, -800)], 10),
            Mode = Numbering.Block, OddOnLeft = true,
        });
    }

    static readonly string[] LoopNames =
    [
        "BIRCHWOOD DR", "MEADOWBROOK DR", "SUNSET DR", "CHERRY HILL DR", "EAGLE RIDGE DR", "GLENVIEW DR", "ORCHARD HILL DR",
        "RIDGEWOOD DR", "STONEGATE DR", "BRIARWOOD DR", "VALLEY VIEW DR", "WESTWOOD DR", "FOREST GLEN DR", "HUNTINGTON DR",
        "KINGSBURY DR", "LAKEVIEW DR", "PINEHURST DR", "SPRINGBROOK DR", "TIMBERLINE DR", "WILLOWBROOK DR", "WOODLAND DR",
        "HIGHVIEW WAY", "PARTRIDGE WAY", "FAIRWAY DR",
    ];

    static readonly string[] LaneNames =
    [
        "FOXGLOVE LN", "HICKORY LN", "CLOVER LN", "FERNWOOD LN", "HAWTHORNE LN", "HOLLY LN", "LAUREL LN", "SPARROW LN",
        "TAMARACK LN", "WILDFLOWER LN", "BLUEBERRY LN", "MEADOW LN", "ORCHARD LN",
    ];

    static readonly string[] CourtNames =
    [
        "OAK CT", "ASPEN CT", "CARDINAL CT", "DOGWOOD CT", "ELM CT", "HEATHER CT", "IVY CT", "QUAIL CT", "WINDSOR PL",
        "RAVEN CT", "SAGE CT", "THISTLE CT", "WREN CT", "JUNIPER CT", "BAYBERRY CT", "CANTERBURY PL", "CHICKADEE CT",
        "FINCH CT", "HERON CT", "LARK CT", "ROBIN CT", "TULIP CT", "VIOLET CT", "YARROW CT", "HOLLOW CT", "MAPLE CT",
        "ALDER CT", "BROOKSIDE CT", "HAMPTON PL", "CLEARVIEW CT", "COBBLESTONE CT", "CROCUS CT", "DAISY CT", "FAWN CT",
        "FIELDSTONE CT", "DEVON PL", "HUMMINGBIRD CT", "LANTERN CT", "LILAC CT", "MARIGOLD CT", "MEADOWLARK CT", "ORIOLE CT",
        "KENSINGTON PL", "PEBBLE CT", "PRIMROSE CT", "SAPLING CT", "STARLING CT", "SWALLOW CT", "TANAGER CT", "WARBLER CT",
    ];

    int _loopNo, _laneNo, _courtNo;

    /// <summary>
    /// Ward 6, across the river: curvy subdivisions in "pods" between Riverview Blvd and Highland Rd (a loop drive off
    /// Highland Rd with two courts, and a lane joining the two roads) and west of Highland Rd (a loop with two courts).
    /// Pods keep clear of the three roads that cross the west bank (Route 20, W 18th St and W 32nd St, over bridges),
    /// one pod slot is Forest Hills Park, and short courts branch off those three roads where there is room.
    /// </summary>
    void BuildWestBank()
    {
        var inner = new List<(double A, double B)>();
        var outer = new List<(double A, double B)>();
        foreach (var w in Ways.Where(w => w.Name is "ROUTE 20" or "W 18TH ST" or "W 32ND ST").ToList())
        {
            double iMin = double.MaxValue, iMax = double.MinValue, oMin = double.MaxValue, oMax = double.MinValue;
            foreach (var p in Geo.Resample(w.Pts, 10))
            {
                var (s, v) = River.Project(p);
                if (v > 30 && v < 800)
                {
                    iMin = Math.Min(iMin, s);
                    iMax = Math.Max(iMax, s);
                }
                if (v > 600 && v < 1500)
                {
                    oMin = Math.Min(oMin, s);
                    oMax = Math.Max(oMax, s);
                }
            }
            if (iMin <= iMax)
            {
                inner.Add((iMin - 55, iMax + 55));
            }
            if (oMin <= oMax)
            {
                outer.Add((oMin - 55, oMax + 55));
            }
        }
        var rng = Rng.For("west-bank");
        foreach (bool isInner in new[] { true, false })
        {
            var excl = isInner ? inner : outer;
            double width = isInner ? 470 : 410;
            double s0 = _sN + 50;
            int slot = 0;
            while (s0 + width <= _sS - 50)
            {
                var hit = excl.Where(e => e.A < s0 + width && e.B > s0).ToList();
                if (hit.Count > 0)
                {
                    s0 = hit.Max(e => e.B);
                    continue;
                }
                if (isInner)
                {
                    InnerPod(s0, rng);
                    if (slot == 1)
                    {
                        _libraryS = s0 + 300;
                    }
                }
                else if (slot == 2)
                {
                    _forestS = s0;
                }
                else
                {
                    OuterPod(s0, rng);
                }
                slot++;
                s0 += width + 20 + 40 * rng.Double();
            }
        }
        if (double.IsNaN(_forestS) || double.IsNaN(_libraryS))
        {
            throw new InvalidOperationException("the west bank has too few pods for its park and library");
        }
        // Courts off the three through roads, wherever they keep 35 m clear of every other street.
        bool north = true;
        foreach (var name in new[] { "W 18TH ST", "W 32ND ST", "ROUTE 20" })
        {
            var road = Ways.Single(w => w.Name == name).Pts;
            var cum = Geo.Cum(road);
            for (double at = 0; at < cum[^1]; at += 150)
            {
                var (a, dir) = Geo.At(road, at);
                var (s, v) = River.Project(a);
                if (v < 130 || v > VEdge(s) - 120)
                {
                    continue;
                }
                var n = north ? dir.Left : dir.Left * -1;
                var court = Geo.Spline([a, a + n * 45 + dir * 12, a + n * 90 + dir * 4], 8);
                if (Clear(court, name))
                {
                    AddCurvy(NextName(CourtNames, ref _courtNo), court, Numbering.Arc);
                    north = !north;
                }
            }
        }
    }

    /// <summary>Whether a new street keeps 35 m from every west bank street but the one it starts on (the grid's streets stop at
    /// the river), and 60 m from the city limit.</summary>
    bool Clear(List<V> pts, string parent)
    {
        var tail = pts.Where(p => (p - pts[0]).Len > 15).ToList();
        foreach (var w in Ways.Where(w => w.Name != parent && w.Side != Side.East))
        {
            if (tail.Any(p => Geo.DistPolyline(p, w.Pts) < 35))
            {
                return false;
            }
        }
        return tail.All(p => Geo.InRing(p, Boundary) && Geo.DistRing(p, Boundary) > 60);
    }

    V F(double s, double v) => River.Frame(s, v);

    static int Nearest(List<V> pts, V target)
    {
        int best = 3;
        for (int i = 3; i < pts.Count - 3; i++)
        {
            if ((pts[i] - target).Len < (pts[best] - target).Len)
            {
                best = i;
            }
        }
        return best;
    }

    void AddCurvy(string name, List<V> pts, Numbering mode)
    {
        var street = StreetName.Parse(name);
        Add(new Way
        {
            Street = street, Pts = pts, Mode = mode, ArcA0 = 0, ArcK = 0.1, OddOnLeft = true, Side = Side.Any,
            BlockSkipAfter = name == "SUNSET DR" ? 1 : -1,
        });
    }

    string NextName(string[] pool, ref int counter)
    {
        while (counter < pool.Length)
        {
            var n = pool[counter++];
            if (Ways.All(w => w.Name != n))
            {
                return n;
            }
        }
        throw new InvalidOperationException("out of street names");
    }

    void InnerPod(double s0, Rng rng)
    {
        double d = rng.Double() * 60 - 20;
        var loop = Geo.Spline(
        [
            HighlandAt(LatticeIndex(s0 + 40)), F(s0 + 50, 530), F(s0 + 100, 330 + d), F(s0 + 200, 280 + d),
            F(s0 + 300, 330 + d), F(s0 + 350, 530), HighlandAt(LatticeIndex(s0 + 360)),
        ], 8);
        AddCurvy(NextName(LoopNames, ref _loopNo), loop, Numbering.Block);
        var a = loop[Nearest(loop, F(s0 + 200, 280 + d))];
        AddCurvy(NextName(CourtNames, ref _courtNo), Geo.Spline([a, F(s0 + 205, 205 + d / 2), F(s0 + 215, 145)], 8), Numbering.Arc);
        var b = loop[Nearest(loop, F(s0 + 75, 430))];
        AddCurvy(NextName(CourtNames, ref _courtNo), Geo.Spline([b, F(s0 + 130, 455), F(s0 + 190, 465)], 8), Numbering.Arc);
        var lane = Geo.Spline(
            [RiverviewAt(LatticeIndex(s0 + 430)), F(s0 + 445, 250), F(s0 + 425, 450), HighlandAt(LatticeIndex(s0 + 440))], 8);
        AddCurvy(NextName(LaneNames, ref _laneNo), lane, Numbering.Block);
    }

    void OuterPod(double s0, Rng rng)
    {
        double d = rng.Double() * 40 - 30, vh = VH(s0 + 200);
        var loop = Geo.Spline(
        [
            HighlandAt(LatticeIndex(s0 + 40)), F(s0 + 55, VH(s0 + 55) + 170), F(s0 + 110, vh + 350 + d), F(s0 + 210, vh + 400 + d),
            F(s0 + 310, vh + 350 + d), F(s0 + 360, VH(s0 + 360) + 170), HighlandAt(LatticeIndex(s0 + 370)),
        ], 8);
        AddCurvy(NextName(LoopNames, ref _loopNo), loop, Numbering.Block);
        var a = loop[Nearest(loop, F(s0 + 210, vh + 400 + d))];
        AddCurvy(NextName(CourtNames, ref _courtNo), Geo.Spline([a, F(s0 + 220, vh + 430 + d), F(s0 + 235, vh + 455 + d)], 8), Numbering.Arc);
        var b = loop[Nearest(loop, F(s0 + 70, VH(s0 + 70) + 280))];
        AddCurvy(NextName(CourtNames, ref _courtNo), Geo.Spline([b, F(s0 + 130, vh + 260), F(s0 + 190, vh + 245)], 8), Numbering.Arc);
    }

    // --- places --------------------------------------------------------------------------------------------------

    static List<V> Rect(double x0, double y0, double x1, double y1) => [new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1)];

    void DefinePlaces()
    {
        void P(string name, string kind, string[] aliases, string? street, V near, List<V>? polygon = null, V? point = null)
        {
            Places.Add(new Place
            {
                Name = name, Kind = kind, Aliases = aliases, Street = street, Near = near,
                Polygon = polygon == null ? null : Geo.Ccw(polygon), Point = point ?? near, CutsStreets = polygon != null,
            });
        }

        // Parks are drawn 8 m inside the centrelines of the streets around them; streets through them are removed.
        P("Lincoln Park", "park", ["lincoln", "the big park on oak", "lincoln park pond", "the park on oak avenue"],
            "OAK AVE", new(-240, 2640), Rect(-592, 2408, -208, 2872));
        P("Washington Square", "park", ["the square", "town green", "the green", "washington sq", "the park by city hall"],
            null, new(-100, 300), Rect(-192, 248, -8, 352));
        var riverfront = new List<V>();
        double rs0 = River.SAtY(300), rs1 = River.SAtY(-1300);
        for (double s = rs0; s < rs1; s += 40)
        {
            riverfront.Add(F(s, -48));
        }
        riverfront.Add(F(rs1, -48));
        for (double s = rs1; s > rs0; s -= 40)
        {
            riverfront.Add(F(s, -72));
        }
        riverfront.Add(F(rs0, -72));
        P("Riverfront Park", "park", ["the riverfront", "riverwalk", "the boardwalk", "the park by the river"],
            "WATERFRONT BLVD", F(River.SAtY(-400), -60), riverfront);
        var forest = new List<V>();
        for (double a = 30; a <= 400; a += 20)
        {
            forest.Add(F(_forestS + a, VH(_forestS + a) + 30));
        }
        for (double a = 400; a >= 30; a -= 20)
        {
            forest.Add(F(_forestS + a, VH(_forestS + a) + 420 + 25 * Math.Sin(a / 50)));
        }
        P("Forest Hills Park", "park", ["forest hills", "the woods", "the park on highland", "forest park"],
            "HIGHLAND RD", F(_forestS + 215, VH(_forestS + 215) + 45), forest);
        P("Veterans Memorial Park", "park", ["veterans park", "vets park", "memorial park", "the park on lincoln"],
            "LINCOLN AVE", new(1440, 3240), Rect(1408, 3128, 1792, 3352));
        P("Maple Grove Playground", "park", ["maple grove", "the playground on 32nd", "maple grove park", "the tot lot"],
            "W 32ND ST", new(-900, 3880), Rect(-992, 3848, -808, 3952));
        P("Oak Hill Cemetery", "cemetery", ["oak hill", "the cemetery", "the graveyard on 30th"],
            "E 30TH ST", new(2330, 3650), Rect(2208, 3608, 2592, 3952));

        P("Springfield City Hall", "civic", ["city hall", "town hall", "municipal building", "city hall on main"], "N MAIN ST", new(40, 300));
        P("Springfield Central Library", "library", ["main library", "central library", "the library downtown", "the big library on state"],
            "STATE ST", new(260, 40));
        P("Eastside Branch Library", "library", ["eastside library", "east branch", "the library on jackson"], "JACKSON AVE", new(1240, 2000));
        P("Riverview Branch Library", "library", ["riverview library", "west side library", "the library across the river"],
            "RIVERVIEW BLVD", F(_libraryS, 120));
        P("Springfield High School", "school", ["springfield high", "shs", "the high school", "the high school on 20th"], "E 20TH ST", new(700, 2440));
        P("Lincoln Elementary School", "school", ["lincoln school", "lincoln elementary", "lincoln", "the elementary on lincoln"],
            "LINCOLN AVE", new(1360, 1620));
        P("Washington Middle School", "school", ["washington middle", "wms", "the middle school", "the middle school on washington"],
            "WASHINGTON AVE", new(240, 2800));
        P("Oak Street Elementary School", "school", ["oak street school", "oak school", "the school on oak"], "OAK ST", new(420, -1050));
        P("Springfield Community College", "school", ["the college", "scc", "community college", "springfield cc"], "E 34TH ST", new(1100, 4120));
        P("Springfield General Hospital", "hospital", ["the hospital", "springfield general", "general hospital", "the er", "sgh"],
            "N MAIN ST", new(-40, 1500));
        P("Mercy Medical Center", "hospital", ["mercy", "mercy hospital", "mercy medical"], "W 14TH ST", new(-700, 1720));
        P("Union Station", "transit", ["the train station", "the amtrak station", "the station on market", "union depot"], "MARKET ST", new(-470, -300));
        P("Main Street Transit Center", "transit", ["the bus station", "bus terminal", "transit center", "the bus depot", "main street station"],
            "S MAIN ST", new(35, -180));
        P("Route 20 Park & Ride", "transit", ["park and ride", "park & ride", "the commuter lot", "the park and ride on route 20"],
            "ROUTE 20", new(3150, 1900));
        var stadiumS = River.SAtY(1430);
        P("Riverside Stadium", "stadium", ["the stadium", "the ballpark", "riverside", "the field on riverside"], "RIVERSIDE BLVD", F(stadiumS, -130));
        P("Springfield Farmers Market", "market", ["farmers market", "the market", "market square", "the market on market street"],
            "MARKET ST", new(-540, -540));
        P("Springfield Police Headquarters", "police", ["police station", "police headquarters", "the police department", "spd", "the precinct on court"],
            "COURT ST", new(150, -150));
        P("Fire Station 3", "fire", ["engine 3", "station 3", "the firehouse on jefferson", "fire station"], "JEFFERSON AVE", new(640, 3060));
        P("Department of Public Works Yard", "civic", ["dpw", "public works", "the city garage", "dpw yard"], "INDUSTRIAL WAY", new(2300, -580));
        P("Springfield Senior Center", "civic", ["senior center", "the senior center on elm", "council on aging"], "ELM AVE", new(-640, 1130));
        P("Springfield History Museum", "museum", ["the museum", "history museum", "historical society", "the museum on state"],
            "STATE ST", new(-300, 45));
        P("Transfer Station & Recycling Center", "civic", ["the dump", "transfer station", "recycling center", "the recycling place"],
            "COMMERCE WAY", new(2420, -810));
        // The Route 20 bridge: 10 m east of where the highway crosses the river's centreline.
        var route = Ways.Single(w => w.Name == "ROUTE 20").Pts;
        var samples = Geo.Resample(route, 2);
        var crossing = Enumerable.Range(0, samples.Count - 1).First(i => River.Project(samples[i]).V > 0 && River.Project(samples[i + 1]).V <= 0 && samples[i].X > -2200);
        P("Memorial Bridge", "bridge", ["the bridge", "route 20 bridge", "the river bridge", "the bridge on route 20"], null, samples[crossing + 5]);
    }

    // --- noding: split every street at every crossing and T-junction -------------------------------------------

    int NodeAt(V p)
    {
        p = new V(Math.Round(p.X, 3), Math.Round(p.Y, 3));
        long cx = (long)Math.Floor(p.X), cy = (long)Math.Floor(p.Y);
        for (long x = cx - 1; x <= cx + 1; x++)
        {
            for (long y = cy - 1; y <= cy + 1; y++)
            {
                if (_nodeIndex.TryGetValue((x, y), out var list))
                {
                    foreach (var id in list)
                    {
                        if ((Nodes[id] - p).Len < 0.5)
                        {
                            return id;
                        }
                    }
                }
            }
        }
        Nodes.Add(p);
        if (!_nodeIndex.TryGetValue((cx, cy), out var l))
        {
            _nodeIndex[(cx, cy)] = l = [];
        }
        l.Add(Nodes.Count - 1);
        return Nodes.Count - 1;
    }

    void Node()
    {
        var lines = Ways.Select(w => w.Pts).ToList();
        lines.Add([.. Boundary, Boundary[0]]);   // the city limit cuts streets too
        var cums = lines.Select(Geo.Cum).ToArray();
        var segs = new List<(int Line, int K, V A, V B)>();
        for (int li = 0; li < lines.Count; li++)
        {
            for (int k = 0; k + 1 < lines[li].Count; k++)
            {
                segs.Add((li, k, lines[li][k], lines[li][k + 1]));
            }
        }
        const double cell = 250;
        var grid = new Dictionary<(int, int), List<int>>();
        for (int i = 0; i < segs.Count; i++)
        {
            foreach (var c in Geo.Cells(segs[i].A, segs[i].B, cell, 1))
            {
                if (!grid.TryGetValue(c, out var l))
                {
                    grid[c] = l = [];
                }
                l.Add(i);
            }
        }
        var splits = lines.Select(_ => new List<(double Pos, int Node)>()).ToArray();
        for (int li = 0; li < Ways.Count; li++)
        {
            splits[li].Add((0, NodeAt(lines[li][0])));
            splits[li].Add((cums[li][^1], NodeAt(lines[li][^1])));
        }
        var cand = new List<int>();
        for (int i = 0; i < segs.Count; i++)
        {
            cand.Clear();
            foreach (var c in Geo.Cells(segs[i].A, segs[i].B, cell, 1))
            {
                foreach (var j in grid[c])
                {
                    if (j > i && segs[j].Line != segs[i].Line)
                    {
                        cand.Add(j);
                    }
                }
            }
            cand.Sort();
            int prev = -1;
            foreach (var j in cand)
            {
                if (j == prev)
                {
                    continue;
                }
                prev = j;
                var (li, ki, a, b) = segs[i];
                var (lj, kj, c, d) = segs[j];
                foreach (var (t, u) in Geo.Intersect(a, b, c, d))
                {
                    int node = NodeAt(a + (b - a) * t);
                    splits[li].Add((cums[li][ki] + t * (b - a).Len, node));
                    splits[lj].Add((cums[lj][kj] + u * (d - c).Len, node));
                }
            }
        }
        for (int li = 0; li < Ways.Count; li++)
        {
            var merged = new List<(double Pos, int Node)>();
            foreach (var e in splits[li].OrderBy(e => e.Pos).ThenBy(e => e.Node))
            {
                if (merged.Count > 0 && (merged.Any(m => m.Node == e.Node) || e.Pos - merged[^1].Pos < 0.3))
                {
                    continue;
                }
                merged.Add(e);
            }
            var pts = lines[li];
            var cum = cums[li];
            for (int q = 0; q + 1 < merged.Count; q++)
            {
                var (p0, n0) = merged[q];
                var (p1, n1) = merged[q + 1];
                var poly = new List<V> { Nodes[n0] };
                for (int k = 0; k < pts.Count; k++)
                {
                    if (cum[k] > p0 + 0.3 && cum[k] < p1 - 0.3)
                    {
                        poly.Add(pts[k]);
                    }
                }
                poly.Add(Nodes[n1]);
                Pieces.Add(new Piece
                {
                    Way = Ways[li], Index = q, Pts = poly, S0 = p0, S1 = p1, NodeA = n0, NodeB = n1, Length = Geo.Length(poly),
                });
            }
        }
    }

    int[] Degrees()
    {
        var deg = new int[Nodes.Count];
        foreach (var p in Pieces.Where(p => p.Kept))
        {
            deg[p.NodeA]++;
            deg[p.NodeB]++;
        }
        return deg;
    }

    void FilterPieces()
    {
        var cutters = Places.Where(p => p.CutsStreets && p.Polygon != null).Select(p => p.Polygon!).ToList();
        foreach (var pc in Pieces)
        {
            var mid = Geo.At(pc.Pts, pc.Length / 2).Pt;
            var (_, v) = River.Project(mid);
            if (!Geo.InRing(mid, Boundary)
                || (pc.Way.Side == Side.East && -v < 79)
                || (pc.Way.Side == Side.West && v < 79)
                || (pc.Way.CutByParks && cutters.Any(c => Geo.InRing(mid, c))))
            {
                pc.Kept = false;
            }
        }
        MergeThrough();
        // A grid street that meets the river boulevard within 35 m of its last intersection ends at that intersection.
        var riverNodes = Pieces.Where(p => p.Kept && p.Way.RiverRoad).SelectMany(p => new[] { p.NodeA, p.NodeB }).ToHashSet();
        int shortCut = 0;
        foreach (var pc in Pieces.Where(p => p.Kept && p.Way.Side == Side.East && p.Length < 35))
        {
            if (riverNodes.Contains(pc.NodeA) || riverNodes.Contains(pc.NodeB))
            {
                pc.Kept = false;
                shortCut++;
            }
        }
        // Dead-end stubs shorter than 30 m (left by the clipping) go.
        int stubs = 0;
        for (bool changed = true; changed;)
        {
            changed = false;
            var deg = Degrees();
            foreach (var pc in Pieces.Where(p => p.Kept && p.Length < 30 && (deg[p.NodeA] == 1 || deg[p.NodeB] == 1)))
            {
                pc.Kept = false;
                changed = true;
                stubs++;
            }
        }
        // Keep the largest connected network.
        var parent = Enumerable.Range(0, Nodes.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }
            return x;
        }
        foreach (var pc in Pieces.Where(p => p.Kept))
        {
            parent[Find(pc.NodeA)] = Find(pc.NodeB);
        }
        var size = new Dictionary<int, double>();
        foreach (var pc in Pieces.Where(p => p.Kept))
        {
            size[Find(pc.NodeA)] = size.GetValueOrDefault(Find(pc.NodeA)) + pc.Length;
        }
        int main = size.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
        int islands = 0;
        foreach (var pc in Pieces.Where(p => p.Kept && Find(p.NodeA) != main))
        {
            pc.Kept = false;
            islands++;
        }
        MergeThrough();
        foreach (var pc in Pieces)
        {
            pc.WestBank = River.Project(Geo.At(pc.Pts, pc.Length / 2).Pt).V > 0;
        }
        _notes.Add($"dropped {shortCut} short pieces at the river boulevards, {stubs} stubs, {islands} pieces off the main network");
    }

    /// <summary>
    /// Drops the pieces filtered out and joins consecutive pieces of a street whose shared node no other street
    /// reaches any more (a crossing street was removed there), so that every node left is a real intersection.
    /// </summary>
    void MergeThrough()
    {
        var deg = Degrees();
        var merged = new List<Piece>();
        foreach (var w in Ways)
        {
            Piece? cur = null;
            foreach (var p in Pieces.Where(p => p.Way == w && p.Kept).OrderBy(p => p.S0))
            {
                if (cur != null && cur.NodeB == p.NodeA && deg[p.NodeA] == 2)
                {
                    cur = new Piece
                    {
                        Way = w, Index = cur.Index, Pts = [.. cur.Pts, .. p.Pts.Skip(1)], S0 = cur.S0, S1 = p.S1,
                        NodeA = cur.NodeA, NodeB = p.NodeB, Length = cur.Length + p.Length,
                    };
                    continue;
                }
                if (cur != null)
                {
                    merged.Add(cur);
                }
                cur = p;
            }
            if (cur != null)
            {
                merged.Add(cur);
            }
        }
        Pieces.Clear();
        Pieces.AddRange(merged);
    }

    // --- address numbers -----------------------------------------------------------------------------------------

    void Number()
    {
        foreach (var w in Ways)
        {
            var ps = Pieces.Where(p => p.Kept && p.Way == w).OrderBy(p => p.S0).ToList();
            for (int i = 0; i < ps.Count; i++)
            {
                var pc = ps[i];
                switch (w.Mode)
                {
                    case Numbering.Coord:
                        double skip = w.Skip?.Invoke(Geo.At(pc.Pts, pc.Length / 2).Pt) ?? 0;
                        pc.A0 = Math.Round(w.CoordA!(pc.Pts[0]) + skip, 3);
                        pc.A1 = Math.Round(w.CoordA!(pc.Pts[^1]) + skip, 3);
                        break;
                    case Numbering.Arc:
                        pc.A0 = Math.Round(w.ArcA0 + w.ArcK * (pc.S0 - ps[0].S0), 3);
                        pc.A1 = Math.Round(w.ArcA0 + w.ArcK * (pc.S1 - ps[0].S0), 3);
                        break;
                    case Numbering.Block:
                        int b = w.BlockBase + i + (w.BlockSkipAfter >= 0 && i >= w.BlockSkipAfter ? 1 : 0);
                        pc.A0 = b * 100;
                        pc.A1 = b * 100 + 100;
                        break;
                }
            }
            // Numbers must run one way along the whole street.
            var seq = ps.SelectMany(p => new[] { p.A0, p.A1 }).ToList();
            bool up = seq.Zip(seq.Skip(1)).All(z => z.Second >= z.First), down = seq.Zip(seq.Skip(1)).All(z => z.Second <= z.First);
            if (!up && !down)
            {
                throw new InvalidOperationException($"address numbers of {w.Name} are not monotonic");
            }
            if (ps.Any(p => p.Hi < 1))
            {
                throw new InvalidOperationException($"{w.Name} has a block without numbers");
            }
        }
    }

    /// <summary>The piece of a street whose numbers include n ([Lo, Hi)).</summary>
    static Piece? FindPiece(List<Piece> ps, double n) => ps.FirstOrDefault(p => n >= p.Lo && n < p.Hi);

    /// <summary>
    /// The address ranges of a piece, as its first vertex's number (from) and its last vertex's (to), left and right
    /// of the way it is drawn; null when no number of that parity fits.
    /// </summary>
    public static (int? LFrom, int? LTo, int? RFrom, int? RTo) Ranges(Piece pc)
    {
        (int? First, int? Last) Span(int parity)
        {
            int first = (int)Math.Ceiling(pc.Lo - 1e-9);
            if (first < 1)
            {
                first = 1;
            }
            if (Math.Abs(first % 2) != parity)
            {
                first++;
            }
            if (first < 2 && parity == 0)
            {
                first = 2;
            }
            int last = (int)Math.Ceiling(pc.Hi - 1e-9) - 1;
            if (Math.Abs(last % 2) != parity)
            {
                last--;
            }
            return first <= last ? (first, last) : (null, null);
        }
        bool increasing = pc.A1 > pc.A0;
        // Odd numbers are on the left of the direction of increasing numbers when Way.OddOnLeft.
        bool oddOnDrawnLeft = increasing == pc.Way.OddOnLeft;
        var left = Span(oddOnDrawnLeft ? 1 : 0);
        var right = Span(oddOnDrawnLeft ? 0 : 1);
        return increasing
            ? (left.First, left.Last, right.First, right.Last)
            : (left.Last, left.First, right.Last, right.First);
    }

    // --- address points ------------------------------------------------------------------------------------------

    static readonly Zone Downtown = new(ZoneKind.Downtown, 24, 0.10, 0.20);
    static readonly Zone OldTown = new(ZoneKind.OldTown, 15, 0.10, 0.15);
    static readonly Zone Residential = new(ZoneKind.Residential, 17, 0.10, 0.04);
    static readonly Zone Suburban = new(ZoneKind.Suburban, 26, 0.05, 0.02);
    static readonly Zone Commercial = new(ZoneKind.Commercial, 45, 0.25, 0.30);
    static readonly Zone Industrial = new(ZoneKind.Industrial, 60, 0.20, 0.15);

    static Zone ZoneAt(V p, bool westBank)
    {
        if (westBank)
        {
            return Suburban;
        }
        if (p.X > 2620 && p.Y > 1600 && p.Y < 2240)
        {
            return Commercial;
        }
        if (p.X > 1880 && p.Y < -150)
        {
            return Industrial;
        }
        if (p.X > -1000 && p.X < 800 && p.Y > -480 && p.Y < 1080)
        {
            return Downtown;
        }
        return p.Y < 0 ? OldTown : Residential;
    }

    static string ZipAt(V p, bool westBank)
    {
        if (westBank)
        {
            return "01119";
        }
        if (p.Y < -480)
        {
            return "01105";
        }
        if (p.Y < 960 && p.X < (p.Y < 0 ? 900 : 800))
        {
            return "01103";
        }
        if (p.Y < 2640)
        {
            return p.X >= 800 ? "01109" : "01107";
        }
        return p.X >= 0 ? "01118" : "01108";
    }

    static void Floors(List<string> u, string word, int n, int perFloor)
    {
        for (int i = 0; i < n; i++)
        {
            u.Add($"{word} {1 + i / perFloor}{(char)('A' + i % perFloor)}");
        }
    }

    static List<string> Units(Zone z, Rng r)
    {
        var u = new List<string>();
        if (!r.Chance(z.Multi))
        {
            return u;
        }
        switch (z.Kind)
        {
            case ZoneKind.Downtown:
            {
                int n = r.Int(3, 12), style = r.Int(0, 20);
                if (style < 10)
                {
                    u.AddRange(Enumerable.Range(1, n).Select(i => $"APT {i}"));
                }
                else if (style < 17)
                {
                    Floors(u, "UNIT", n, r.Int(2, 5));
                }
                else
                {
                    u.AddRange(Enumerable.Range(0, Math.Min(n, 9)).Select(i => $"STE {100 * (1 + i / 3) + 1 + i % 3}"));
                }
                break;
            }
            case ZoneKind.OldTown:
            {
                int n = r.Int(2, 4);
                if (r.Chance(0.75))
                {
                    u.AddRange(Enumerable.Range(1, n).Select(i => $"APT {i}"));
                }
                else
                {
                    u.AddRange(Enumerable.Range(1, n).Select(i => $"UNIT {i}"));
                }
                break;
            }
            case ZoneKind.Residential:
            {
                int n = r.Int(2, 7);
                if (r.Chance(0.6))
                {
                    u.AddRange(Enumerable.Range(1, n).Select(i => $"APT {i}"));
                }
                else
                {
                    Floors(u, "UNIT", n, 2);
                }
                break;
            }
            case ZoneKind.Suburban:
                u.AddRange(["UNIT A", "UNIT B"]);
                break;
            default:
                u.AddRange(Enumerable.Range(1, r.Int(2, 6)).Select(i => $"STE {100 + i}"));
                break;
        }
        return u;
    }

    readonly Dictionary<(int, int), List<(int Piece, V A, V B)>> _segIndex = [];
    readonly Dictionary<(int, int), List<V>> _pointIndex = [];
    readonly HashSet<string> _used = [];
    readonly HashSet<string> _reserved = [];
    List<Piece> _kept = [];
    Dictionary<string, List<Piece>> _byName = [];

    void IndexPieces()
    {
        _kept = Pieces.Where(p => p.Kept).ToList();
        _byName = _kept.GroupBy(p => p.Way.Name).ToDictionary(g => g.Key, g => g.OrderBy(p => p.S0).ToList());
        for (int i = 0; i < _kept.Count; i++)
        {
            var pts = _kept[i].Pts;
            for (int k = 0; k + 1 < pts.Count; k++)
            {
                foreach (var c in Geo.Cells(pts[k], pts[k + 1], 50, 0))
                {
                    if (!_segIndex.TryGetValue(c, out var l))
                    {
                        _segIndex[c] = l = [];
                    }
                    l.Add((i, pts[k], pts[k + 1]));
                }
            }
        }
    }

    double DistToOtherStreets(V p, Piece own)
    {
        double best = double.MaxValue;
        var c = ((int)Math.Floor(p.X / 50), (int)Math.Floor(p.Y / 50));
        for (int dx = -1; dx <= 1; dx++)
        {
            for (int dy = -1; dy <= 1; dy++)
            {
                if (_segIndex.TryGetValue((c.Item1 + dx, c.Item2 + dy), out var l))
                {
                    foreach (var (pi, a, b) in l)
                    {
                        if (_kept[pi] != own)
                        {
                            best = Math.Min(best, Geo.DistSeg(p, a, b).D);
                        }
                    }
                }
            }
        }
        return best;
    }

    bool NearOtherAddress(V p, double min)
    {
        var c = ((int)Math.Floor(p.X / 10), (int)Math.Floor(p.Y / 10));
        for (int dx = -1; dx <= 1; dx++)
        {
            for (int dy = -1; dy <= 1; dy++)
            {
                if (_pointIndex.TryGetValue((c.Item1 + dx, c.Item2 + dy), out var l) && l.Any(q => (q - p).Len < min))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Where number n of a piece goes: on its side of the street, setback metres from the centreline.</summary>
    static V Locate(Piece pc, int n, double setback, double along)
    {
        double f = (n - pc.A0) / (pc.A1 - pc.A0);
        var (pt, dir) = Geo.At(pc.Pts, Math.Clamp(f * pc.Length + along, 0, pc.Length));
        var inc = pc.A1 > pc.A0 ? dir : dir * -1;
        var normal = ((n % 2 == 1) == pc.Way.OddOnLeft) ? inc.Left : inc.Left * -1;
        return pt + normal * setback;
    }

    bool Valid(V p, Piece pc, Place? exempt)
    {
        if (!Geo.InRing(p, Boundary) || Geo.DistRing(p, Boundary) < 6)
        {
            return false;
        }
        if (exempt == null && Math.Abs(River.Project(p).V) < 82)
        {
            return false;
        }
        if (Places.Any(pl => pl != exempt && pl.Polygon != null && Geo.InRing(p, pl.Polygon)))
        {
            return false;
        }
        return DistToOtherStreets(p, pc) >= 9 && !NearOtherAddress(p, 6);
    }

    void Emit(Piece pc, int num, string number, V p, List<string> units)
    {
        string zip = ZipAt(p, pc.WestBank);
        Addresses.Add(new Addr { Street = pc.Way.Name, Number = number, Num = num, P = p, Zip = zip });
        foreach (var u in units)
        {
            Addresses.Add(new Addr { Street = pc.Way.Name, Number = number, Num = num, Unit = u, P = p, Zip = zip });
        }
        _used.Add($"{pc.Way.Name}|{number}");
        var c = ((int)Math.Floor(p.X / 10), (int)Math.Floor(p.Y / 10));
        if (!_pointIndex.TryGetValue(c, out var l))
        {
            _pointIndex[c] = l = [];
        }
        l.Add(p);
    }

    /// <summary>Each place on a street gets the number its location implies, and its own address point.</summary>
    void PlaceAddresses()
    {
        IndexPieces();
        foreach (var pl in Places.Where(p => p.Street != null))
        {
            var ps = _byName[pl.Street!];
            var pc = ps.OrderBy(p => Geo.DistPolyline(pl.Near, p.Pts)).First();
            // Project the place onto the piece.
            double best = double.MaxValue, s = 0, acc = 0;
            V dir = default;
            for (int k = 0; k + 1 < pc.Pts.Count; k++)
            {
                var seg = pc.Pts[k + 1] - pc.Pts[k];
                var (d, t) = Geo.DistSeg(pl.Near, pc.Pts[k], pc.Pts[k + 1]);
                if (d < best)
                {
                    best = d;
                    s = acc + t * seg.Len;
                    dir = seg.Unit;
                }
                acc += seg.Len;
            }
            double a = pc.A0 + (pc.A1 - pc.A0) * s / pc.Length;
            var inc = pc.A1 > pc.A0 ? dir : dir * -1;
            bool left = Geo.Cross(inc, pl.Near - Geo.At(pc.Pts, s).Pt) > 0;
            int parity = left == pc.Way.OddOnLeft ? 1 : 0;
            int n = (int)Math.Round(a);
            if (Math.Abs(n % 2) != parity)
            {
                n += a >= n ? 1 : -1;
            }
            while (n < pc.Lo || _used.Contains($"{pc.Way.Name}|{n}"))
            {
                n += 2;
            }
            pc = FindPiece(ps, n) ?? throw new InvalidOperationException($"no number for {pl.Name}");
            var p = Locate(pc, n, Setback, 0);
            if (!Geo.InRing(p, Boundary) || DistToOtherStreets(p, pc) < 9)
            {
                throw new InvalidOperationException($"the address point of {pl.Name} ({n} {pl.Street}) is not valid");
            }
            Emit(pc, n, n.ToString(CultureInfo.InvariantCulture), p, []);
            _reserved.Add($"{pc.Way.Name}|{n}");
            pl.Address = $"{n} {pl.Street}";
            pl.AddressPoint = p;
        }
        foreach (var pl in Places.Where(p => p.Polygon == null))
        {
            if (!Geo.InRing(pl.Point, Boundary))
            {
                throw new InvalidOperationException($"{pl.Name} is outside the city");
            }
            double d = _kept.Min(k => Geo.DistPolyline(pl.Point, k.Pts));
            if (pl.Kind != "bridge" && d < 15)
            {
                throw new InvalidOperationException($"{pl.Name} is {d:F1} m from a street centreline");
            }
        }
    }

    /// <summary>
    /// Lots along every block face: numbers step by about a lot's width (lots are wider downtown, in the suburbs and on
    /// avenues, whose corner lots face the numbered streets), some lots are empty, some buildings have units, and a
    /// few streets have letter-suffixed numbers (a rear house "12A", or a split lot "12A" and "12B").
    /// </summary>
    void BuildAddresses()
    {
        foreach (var name in _byName.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var ps = _byName[name];
            var way = ps[0].Way;
            int hMin = (int)Math.Floor(ps.Min(p => p.Lo) / 100), hMax = (int)Math.Floor((ps.Max(p => p.Hi) - 1e-6) / 100);
            for (int h = hMin; h <= hMax; h++)
            {
                for (int parity = 1; parity >= 0; parity--)
                {
                    var rng = Rng.For($"{name}|{h}|{parity}");
                    var probe = FindPiece(ps, h * 100 + 50) ?? ps.FirstOrDefault(p => p.Lo < h * 100 + 100 && p.Hi > h * 100);
                    if (probe == null)
                    {
                        continue;
                    }
                    double mpn = probe.Length / Math.Abs(probe.A1 - probe.A0);
                    var zone = ZoneAt(Geo.At(probe.Pts, probe.Length / 2).Pt, probe.WestBank);
                    int n = h * 100 + (parity == 1 ? 1 : 2) + 2 * rng.Int(0, 3);
                    while (n < h * 100 + 100)
                    {
                        var pc = FindPiece(ps, n);
                        if (pc != null && !_reserved.Contains($"{name}|{n}") && !rng.Chance(zone.Vacancy))
                        {
                            Lot(pc, n, ZoneAt(Locate(pc, n, 0, 0), pc.WestBank), rng);
                        }
                        double lot = zone.Lot * way.LotScale * Density * (0.75 + 0.5 * rng.Double());
                        n += Math.Max(2, 2 * (int)Math.Round(lot / mpn / 2));
                    }
                }
            }
        }
    }

    void Lot(Piece pc, int n, Zone zone, Rng rng)
    {
        string s = n.ToString(CultureInfo.InvariantCulture);
        if (pc.Way.LetterSuffixes && rng.Chance(0.15))
        {
            if (rng.Chance(0.5))
            {
                // A house at the front and one behind it.
                var front = Locate(pc, n, Setback, 0);
                var rear = Locate(pc, n, 30, 0);
                if (Valid(front, pc, null) && Valid(rear, pc, null))
                {
                    Emit(pc, n, s, front, Units(zone, rng));
                    Emit(pc, n, s + "A", rear, []);
                }
                return;
            }
            // A lot split in two.
            var a = Locate(pc, n, Setback, -4);
            var b = Locate(pc, n, Setback, 4);
            if (Valid(a, pc, null) && Valid(b, pc, null) && (a - b).Len >= 6)
            {
                Emit(pc, n, s + "A", a, []);
                Emit(pc, n, s + "B", b, []);
            }
            return;
        }
        var p = Locate(pc, n, Setback, 0);
        if (Valid(p, pc, null))
        {
            Emit(pc, n, s, p, Units(zone, rng));
        }
    }

    // --- wards ---------------------------------------------------------------------------------------------------

    static (List<V> Low, List<V> High) SplitRing(List<V> ring, bool vertical, double c)
    {
        double Fn(V p) => vertical ? p.X - c : p.Y - c;
        var pts = new List<V>();
        var cuts = new List<int>();
        for (int i = 0; i < ring.Count; i++)
        {
            V a = ring[i], b = ring[(i + 1) % ring.Count];
            double fa = Fn(a), fb = Fn(b);
            if (fa == 0)
            {
                throw new InvalidOperationException($"a ward corner lies on the cut at {c}");
            }
            pts.Add(a);
            if ((fa < 0) != (fb < 0))
            {
                var p = a + (b - a) * (fa / (fa - fb));
                pts.Add(vertical ? new V(c, p.Y) : new V(p.X, c));
                cuts.Add(pts.Count - 1);
            }
        }
        if (cuts.Count != 2)
        {
            throw new InvalidOperationException($"the cut at {c} crosses the ring {cuts.Count} times");
        }
        var r1 = pts.GetRange(cuts[0], cuts[1] - cuts[0] + 1);
        var r2 = pts.GetRange(cuts[1], pts.Count - cuts[1]);
        r2.AddRange(pts.GetRange(0, cuts[0] + 1));
        return r1.Average(Fn) < 0 ? (r1, r2) : (r2, r1);
    }

    /// <summary>Every vertex of one ring that lies on another ring's edge becomes a vertex of that ring too.</summary>
    static void NodeRings(List<List<V>> rings)
    {
        var all = rings.SelectMany(r => r).Distinct().ToList();
        foreach (var ring in rings)
        {
            var result = new List<V>();
            for (int i = 0; i < ring.Count; i++)
            {
                V a = ring[i], b = ring[(i + 1) % ring.Count];
                result.Add(a);
                var ins = new List<(double T, V P)>();
                foreach (var p in all)
                {
                    if (p == a || p == b)
                    {
                        continue;
                    }
                    var (d, t) = Geo.DistSeg(p, a, b);
                    if (d < 1e-6 && t > 1e-9 && t < 1 - 1e-9)
                    {
                        ins.Add((t, p));
                    }
                }
                result.AddRange(ins.OrderBy(x => x.T).Select(x => x.P));
            }
            ring.Clear();
            ring.AddRange(result);
        }
    }

    /// <summary>Splits a ring along a chain whose first and last points are vertices of the ring.</summary>
    static (List<V> Left, List<V> Right) SplitByChain(List<V> ring, List<V> chain)
    {
        int a = ring.IndexOf(chain[0]), b = ring.IndexOf(chain[^1]);
        if (a < 0 || b < 0 || a >= b)
        {
            throw new InvalidOperationException("the chain does not start and end on the ring in order");
        }
        var inner = chain.Skip(1).Take(chain.Count - 2).ToList();
        var first = ring.GetRange(a, b - a + 1);
        first.AddRange(Enumerable.Reverse(inner));
        var second = ring.GetRange(b, ring.Count - b);
        second.AddRange(ring.GetRange(0, a + 1));
        second.AddRange(inner);
        return (first, second);
    }

    /// <summary>
    /// Ward lines follow street centrelines and the river, and roughly balance the wards' buildings (4,700 to 5,900
    /// each). Ward 6 is the west bank with the curvy subdivisions, plus the north-west corner of the grid across the
    /// river (west of Walnut Ave and north of 20th St). East of the river: 10th St (y = 1200) and 29th St
    /// (y = 3480) run across; Adams Ave (x = 400) divides the two southern pairs (wards 1-2 and 3-4); ward 5 is the
    /// north.
    /// </summary>
    void BuildWards()
    {
        var corner = new V(-7 * BlockEW, 4960);   // a vertex of the north edge, on Walnut Ave's line
        double s2400 = River.SAtY(20 * BlockNS);
        var chain = new List<V> { corner, new(-7 * BlockEW, 20 * BlockNS), River.At(s2400) };
        for (int i = 0; i < River.Pts.Count; i++)
        {
            if (River.Cum[i] > s2400 + 1 && River.Cum[i] < _sS - 1)
            {
                chain.Add(River.Pts[i]);
            }
        }
        chain.Add(_pS);
        var (west, east) = SplitByChain(Boundary, chain);
        var (south, north) = SplitRing(east, false, 10 * BlockNS);
        var (middle, far) = SplitRing(north, false, 29 * BlockNS);
        var (w3, w4) = SplitRing(middle, true, 2 * BlockEW);
        var (w1, w2) = SplitRing(south, true, 2 * BlockEW);
        Wards.AddRange([(1, w1), (2, w2), (3, w3), (4, w4), (5, far), (6, west)]);
        NodeRings([.. Wards.Select(w => w.Ring), Boundary]);
    }

    int WardAt(V p) => Wards.FirstOrDefault(w => Geo.InRing(p, w.Ring)).Number;

    void AssignPlaceWards()
    {
        foreach (var pl in Places)
        {
            pl.Ward = WardAt(pl.Polygon == null ? pl.Point : pl.AddressPoint ?? pl.Polygon[0]);
        }
    }

    // --- neighbours ----------------------------------------------------------------------------------------------

    void BuildNeighbours()
    {
        int n = Boundary.Count, iN = Boundary.IndexOf(_pN), iSe = Boundary.IndexOf(SeNotch);
        V top = River.Pts[0], bottom = River.Pts[^1];
        var riverNorth = new List<V> { _pN };   // from the west bank's north end up the river
        for (int i = River.Pts.Count - 1; i >= 0; i--)
        {
            if (River.Cum[i] < _sN - 1)
            {
                riverNorth.Add(River.Pts[i]);
            }
        }
        var riverSouth = new List<V> { _pE };   // from the city's south end down the river
        for (int i = 0; i < River.Pts.Count; i++)
        {
            if (River.Cum[i] > _sE + 1)
            {
                riverSouth.Add(River.Pts[i]);
            }
        }

        var wh = new List<V>(riverNorth) { new(-9000, top.Y), new(-9000, bottom.Y) };
        wh.AddRange(Enumerable.Reverse(riverSouth));
        for (int i = n - 1; i > iN; i--)
        {
            wh.Add(Boundary[i]);
        }
        Neighbours.Add(new Neighbour
        {
            Id = "west-harmon", Name = "Town of West Harmon", Kind = "town",
            Where = "across the river: west of the west bank wards and west of the river south of them",
            Handles = "its own streets, potholes, streetlights and trash pickup",
            Department = "West Harmon Department of Public Works", Phone = "(413) 555-0142",
            Website = "https://www.westharmon.example", Email = "dpw@westharmon.example", Ring = Geo.Ccw(wh),
        });

        var cf = new List<V>();
        for (int i = iSe; i <= iN; i++)
        {
            cf.Add(Boundary[i]);
        }
        cf.AddRange(riverNorth.Skip(1));
        cf.AddRange([new(top.X, 9000), new(9000, 9000), new(9000, -4500), new(SeNotch.X, -4500)]);
        Neighbours.Add(new Neighbour
        {
            Id = "chester-falls", Name = "Town of Chester Falls", Kind = "town",
            Where = "north and east of the city, including the two notches in the city limit",
            Handles = "its own streets, potholes, streetlights and trash pickup",
            Department = "Chester Falls Highway Department", Phone = "(413) 555-0157",
            Website = "https://www.chesterfalls.example", Email = "highway@chesterfalls.example", Ring = Geo.Ccw(cf),
        });

        var co = new List<V>();
        for (int i = 0; i <= iSe; i++)
        {
            co.Add(Boundary[i]);
        }
        co.AddRange([new(SeNotch.X, -4500), new(bottom.X, -4500)]);
        co.AddRange(Enumerable.Reverse(riverSouth).Take(riverSouth.Count - 1));
        var county = new Neighbour
        {
            Id = "pioneer-county", Name = "Pioneer County", Kind = "county",
            Where = "the unincorporated land south of the city limit, between the river and Chester Falls; S Main St runs on as County Rd 9 and Waterfront Blvd as River Rd",
            Handles = "county roads outside the city and the towns",
            Department = "Pioneer County Highway Department", Phone = "(413) 555-0120",
            Website = "https://www.pioneercounty.example", Email = "highways@pioneercounty.example", Ring = Geo.Ccw(co),
        };
        county.Roads.AddRange(["COUNTY RD 9", "RIVER RD"]);
        Neighbours.Add(county);

        var route = Geo.Resample(Ways.Single(w => w.Name == "ROUTE 20").Pts, 100);
        var left = new List<V>();
        var right = new List<V>();
        for (int i = 0; i < route.Count; i++)
        {
            var dir = (route[Math.Min(i + 1, route.Count - 1)] - route[Math.Max(i - 1, 0)]).Unit;
            left.Add(route[i] + dir.Left * 30);
            right.Add(route[i] - dir.Left * 30);
        }
        right.Reverse();
        var dot = new Neighbour
        {
            Id = "state-dot", Name = "State Department of Transportation", Kind = "state",
            Where = "Route 20 (State Highway 20), a state highway, 30 m either side of its centreline, also inside the city",
            Handles = "the state highway: its potholes, signals, signs and plowing, inside the city too",
            Department = "State Department of Transportation, District 2", Phone = "(413) 555-0188",
            Website = "https://www.dot.state.example", Email = "district2@dot.state.example", Ring = Geo.Ccw([.. left, .. right]),
        };
        dot.Roads.AddRange(["ROUTE 20", "STATE HWY 20"]);
        Neighbours.Add(dot);

        // City streets that run on across the city limit, by the jurisdiction they run into.
        var deg = Degrees();
        foreach (var pc in _kept)
        {
            foreach (var (end, other) in new[] { (pc.NodeA, pc.Pts[1]), (pc.NodeB, pc.Pts[^2]) })
            {
                var e = Nodes[end];
                if (deg[end] != 1 || Geo.DistRing(e, Boundary) > 1)
                {
                    continue;
                }
                var probe = e + (e - other).Unit * 30;
                var nb = Neighbours.Where(x => x.Kind != "state").FirstOrDefault(x => Geo.InRing(probe, x.Ring));
                if (nb != null && !nb.Continuing.Contains(pc.Way.Name))
                {
                    nb.Continuing.Add(pc.Way.Name);
                }
            }
        }
        foreach (var nb in Neighbours)
        {
            nb.Continuing.Sort(StringComparer.Ordinal);
        }
    }

    // --- writing -------------------------------------------------------------------------------------------------

    static string J(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char ch in s)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (ch < ' ')
                    {
                        sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(ch);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    static string N(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "null";
    static string Arr(IEnumerable<string> xs) => "[" + string.Join(",", xs.Select(J)) + "]";
    static string RingJson(IReadOnlyList<V> ring) => "[" + string.Join(",", ring.Append(ring[0]).Select(Proj.Coord)) + "]";
    static string Km2(IReadOnlyList<V> ring) => (Geo.Area(ring) / 1e6).ToString("F3", CultureInfo.InvariantCulture);

    static void Save(string path, StringBuilder sb) => File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));

    public int SegmentCount => _kept.Count;

    public void Write(string dir)
    {
        // addresses.csv
        var rows = Addresses
            .OrderBy(a => a.Street, StringComparer.Ordinal).ThenBy(a => a.Num).ThenBy(a => a.Number, StringComparer.Ordinal)
            .ThenBy(a => a.Unit.Length).ThenBy(a => a.Unit, StringComparer.Ordinal).ToList();
        var csv = new StringBuilder("LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID,HASH\n");
        for (int i = 0; i < rows.Count; i++)
        {
            var a = rows[i];
            var (lon, lat) = Proj.ToLonLat(a.P);
            string body = $"{Proj.F(lon)},{Proj.F(lat)},{a.Number},{a.Street},{a.Unit},{CityName},{District},{Region},{a.Zip}";
            string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16];
            csv.Append(body).Append(',').Append(100001 + i).Append(',').Append(hash).Append('\n');
        }
        Save(Path.Combine(dir, "addresses.csv"), csv);

        // streets.geojson
        var names = _kept.Select(p => p.Way.Name).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();
        var streetId = names.Select((x, i) => (x, i)).ToDictionary(t => t.x, t => $"S{t.i + 1:D4}");
        var sj = new StringBuilder("{\"type\":\"FeatureCollection\",\"name\":\"streets\",\"features\":[\n");
        var ordered = _kept.OrderBy(p => p.Way.Name, StringComparer.Ordinal).ThenBy(p => p.S0).ToList();
        var seq = new Dictionary<string, int>();
        for (int i = 0; i < ordered.Count; i++)
        {
            var pc = ordered[i];
            var w = pc.Way;
            int k = seq[w.Name] = seq.GetValueOrDefault(w.Name) + 1;
            var (lf, lt, rf, rt) = Ranges(pc);
            sj.Append("{\"type\":\"Feature\",\"properties\":{")
                .Append($"\"id\":{J($"{streetId[w.Name]}-{k:D3}")},\"street_id\":{J(streetId[w.Name])},\"name\":{J(w.Name)},")
                .Append($"\"fullname\":{J(w.Street.FullName)},\"predir\":{J(w.Street.Dir)},\"base\":{J(w.Street.Base)},")
                .Append($"\"suffix\":{J(w.Street.Suffix)},\"type\":{J(w.Street.Type)},")
                .Append($"\"l_from\":{N(lf)},\"l_to\":{N(lt)},\"r_from\":{N(rf)},\"r_to\":{N(rt)},\"alt_names\":{Arr(w.AltNames)}")
                .Append("},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[")
                .Append(string.Join(",", pc.Pts.Select(Proj.Coord)))
                .Append("]}}").Append(i + 1 < ordered.Count ? ",\n" : "\n");
        }
        sj.Append("]}\n");
        Save(Path.Combine(dir, "streets.geojson"), sj);

        // boundary.geojson
        var bj = new StringBuilder("{\"type\":\"FeatureCollection\",\"name\":\"City of Springfield\",\"features\":[\n");
        bj.Append("{\"type\":\"Feature\",\"properties\":{\"name\":\"City of Springfield\",\"state\":\"MA\",")
            .Append($"\"area_km2\":{Km2(Boundary)}}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[{RingJson(Boundary)}]}}}}\n]}}\n");
        Save(Path.Combine(dir, "boundary.geojson"), bj);

        // wards.geojson
        var wj = new StringBuilder("{\"type\":\"FeatureCollection\",\"name\":\"wards\",\"features\":[\n");
        for (int i = 0; i < Wards.Count; i++)
        {
            var (num, ring) = Wards[i];
            wj.Append($"{{\"type\":\"Feature\",\"properties\":{{\"name\":\"Ward {num}\",\"number\":{num},\"area_km2\":{Km2(ring)}}},")
                .Append($"\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[{RingJson(ring)}]}}}}")
                .Append(i + 1 < Wards.Count ? ",\n" : "\n");
        }
        wj.Append("]}\n");
        Save(Path.Combine(dir, "wards.geojson"), wj);

        // places.geojson
        var pj = new StringBuilder("{\"type\":\"FeatureCollection\",\"name\":\"places\",\"features\":[\n");
        for (int i = 0; i < Places.Count; i++)
        {
            var pl = Places[i];
            string geom = pl.Polygon != null
                ? $"{{\"type\":\"Polygon\",\"coordinates\":[{RingJson(pl.Polygon)}]}}"
                : $"{{\"type\":\"Point\",\"coordinates\":{Proj.Coord(pl.Point)}}}";
            pj.Append("{\"type\":\"Feature\",\"properties\":{")
                .Append($"\"id\":{J($"P{i + 1:D2}")},\"name\":{J(pl.Name)},\"kind\":{J(pl.Kind)},\"aliases\":{Arr(pl.Aliases)},")
                .Append($"\"address\":{(pl.Address == null ? "null" : J(pl.Address))},\"ward\":{pl.Ward}")
                .Append($"}},\"geometry\":{geom}}}").Append(i + 1 < Places.Count ? ",\n" : "\n");
        }
        pj.Append("]}\n");
        Save(Path.Combine(dir, "places.geojson"), pj);

        // neighbours.json
        var nj = new StringBuilder("{\n");
        nj.Append("  \"city\": \"City of Springfield\",\n");
        nj.Append("  \"note\": \"Fictional placeholders: 555-01xx phone numbers and .example web sites. Polygons are rough; only their borders with the city follow the city limit exactly.\",\n");
        nj.Append("  \"neighbours\": [\n");
        for (int i = 0; i < Neighbours.Count; i++)
        {
            var nb = Neighbours[i];
            nj.Append("    {\n")
                .Append($"      \"id\": {J(nb.Id)},\n")
                .Append($"      \"name\": {J(nb.Name)},\n")
                .Append($"      \"kind\": {J(nb.Kind)},\n")
                .Append($"      \"where\": {J(nb.Where)},\n")
                .Append($"      \"handles\": {J(nb.Handles)},\n")
                .Append($"      \"roads\": {Arr(nb.Roads)},\n")
                .Append($"      \"streets_continuing\": {Arr(nb.Continuing)},\n")
                .Append("      \"contact\": {\n")
                .Append($"        \"department\": {J(nb.Department)},\n")
                .Append($"        \"phone\": {J(nb.Phone)},\n")
                .Append($"        \"website\": {J(nb.Website)},\n")
                .Append($"        \"email\": {J(nb.Email)}\n")
                .Append("      },\n")
                .Append($"      \"geometry\": {{\"type\": \"Polygon\", \"coordinates\": [{RingJson(nb.Ring)}]}}\n")
                .Append(i + 1 < Neighbours.Count ? "    },\n" : "    }\n");
        }
        nj.Append("  ]\n}\n");
        Save(Path.Combine(dir, "neighbours.json"), nj);
    }

    public void PrintSummary(string dir, Checker.Report r)
    {
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine($"Springfield sample city written to {dir}");
        foreach (var note in _notes)
        {
            Console.WriteLine($"  build: {note}");
        }
        foreach (var line in r.Lines)
        {
            Console.WriteLine($"  {line}");
        }
        long total = 0;
        foreach (var f in new[] { "addresses.csv", "streets.geojson", "boundary.geojson", "wards.geojson", "places.geojson", "neighbours.json" })
        {
            long len = new FileInfo(Path.Combine(dir, f)).Length;
            total += len;
            Console.WriteLine(string.Format(ci, "  {0,-18} {1,10:N0} bytes", f, len));
        }
        Console.WriteLine(string.Format(ci, "  {0,-18} {1,10:N0} bytes", "total", total));
        Console.WriteLine(r.Failures.Count == 0 ? "  checks: all passed" : $"  checks: {r.Failures.Count} FAILED");
        foreach (var f in r.Failures.Take(40))
        {
            Console.WriteLine($"    FAILED: {f}");
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Checks, on the files as written (read back and parsed).
// ---------------------------------------------------------------------------------------------------------------

static class Checker
{
    public sealed class Report
    {
        public List<string> Lines { get; } = [];
        public List<string> Failures { get; } = [];
    }

    sealed record Feature(JsonElement Props, string GeomType, List<List<V>> Coords);

    static List<V> ReadLine(JsonElement arr) =>
        arr.EnumerateArray().Select(c => Proj.FromLonLat(c[0].GetDouble(), c[1].GetDouble())).ToList();

    static List<Feature> Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var res = new List<Feature>();
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var g = f.GetProperty("geometry");
            string type = g.GetProperty("type").GetString()!;
            var c = g.GetProperty("coordinates");
            var coords = type switch
            {
                "Point" => [[Proj.FromLonLat(c[0].GetDouble(), c[1].GetDouble())]],
                "LineString" => [ReadLine(c)],
                "Polygon" => c.EnumerateArray().Select(ReadLine).ToList(),
                _ => throw new InvalidOperationException($"unexpected geometry {type}"),
            };
            res.Add(new Feature(f.GetProperty("properties").Clone(), type, coords));
        }
        return res;
    }

    static List<V> OpenRing(List<V> closed, string what, List<string> failures)
    {
        if (closed.Count < 4 || closed[0] != closed[^1])
        {
            failures.Add($"{what}: ring not closed or too short");
        }
        return closed.Take(closed.Count - 1).ToList();
    }

    public static Report Run(string dir)
    {
        var r = new Report();
        var fail = r.Failures;
        var ci = CultureInfo.InvariantCulture;

        // Boundary.
        var bf = Read(Path.Combine(dir, "boundary.geojson"));
        if (bf.Count != 1 || bf[0].GeomType != "Polygon" || bf[0].Props.GetProperty("name").GetString() != "City of Springfield")
        {
            fail.Add("boundary.geojson: expected one Polygon named City of Springfield");
        }
        var boundary = OpenRing(bf[0].Coords[0], "boundary", fail);
        double bArea = Geo.Area(boundary);
        if (bArea <= 0)
        {
            fail.Add("boundary: not counter-clockwise");
        }
        if (Geo.SelfIntersections(boundary) > 0)
        {
            fail.Add("boundary: self-intersecting");
        }

        // Wards.
        var wf = Read(Path.Combine(dir, "wards.geojson"));
        var wards = new List<List<V>>();
        double wArea = 0;
        for (int i = 0; i < wf.Count; i++)
        {
            var f = wf[i];
            if (f.GeomType != "Polygon" || f.Props.GetProperty("name").GetString() != $"Ward {i + 1}" || f.Props.GetProperty("number").GetInt32() != i + 1)
            {
                fail.Add($"wards.geojson: feature {i} is not Polygon 'Ward {i + 1}'");
            }
            var ring = OpenRing(f.Coords[0], $"ward {i + 1}", fail);
            if (Geo.Area(ring) <= 0)
            {
                fail.Add($"ward {i + 1}: not counter-clockwise");
            }
            if (Geo.SelfIntersections(ring) > 0)
            {
                fail.Add($"ward {i + 1}: self-intersecting");
            }
            wards.Add(ring);
            wArea += Geo.Area(ring);
        }
        if (wf.Count != 6)
        {
            fail.Add($"wards.geojson: {wf.Count} wards, expected 6");
        }
        if (Math.Abs(wArea - bArea) > 1)
        {
            fail.Add($"wards cover {wArea:F1} m² but the city is {bArea:F1} m²");
        }
        int samples = 0, badSamples = 0;
        double minX = boundary.Min(p => p.X), maxX = boundary.Max(p => p.X), minY = boundary.Min(p => p.Y), maxY = boundary.Max(p => p.Y);
        for (double x = minX + 13.7; x < maxX; x += 50)
        {
            for (double y = minY + 7.3; y < maxY; y += 50)
            {
                var p = new V(x, y);
                bool inside = Geo.InRing(p, boundary);
                int count = wards.Count(w => Geo.InRing(p, w));
                if (inside)
                {
                    samples++;
                }
                if (count != (inside ? 1 : 0))
                {
                    badSamples++;
                }
            }
        }
        if (badSamples > 0)
        {
            fail.Add($"wards: {badSamples} sample points not in exactly one ward (or in a ward outside the city)");
        }
        r.Lines.Add(string.Format(ci, "boundary: {0:F2} km², {1} vertices; 6 wards valid, {2:N0} sample points each in exactly one ward, areas {3}",
            bArea / 1e6, boundary.Count, samples, string.Join(" / ", wards.Select(w => (Geo.Area(w) / 1e6).ToString("F2", ci)))));

        // Streets.
        var sf = Read(Path.Combine(dir, "streets.geojson"));
        var allowedTypes = new HashSet<string> { "street", "avenue", "boulevard", "drive", "lane", "court", "place", "way", "road", "highway" };
        var byName = new Dictionary<string, List<(List<V> Pts, int? LF, int? LT, int? RF, int? RT)>>();
        var nodeNames = new Dictionary<V, SortedSet<string>>();
        var endCount = new Dictionary<V, int>();
        int? Int(JsonElement e, string k) => e.GetProperty(k).ValueKind == JsonValueKind.Null ? null : e.GetProperty(k).GetInt32();
        var ids = new HashSet<string>();
        foreach (var f in sf)
        {
            string name = f.Props.GetProperty("name").GetString()!;
            if (f.GeomType != "LineString" || f.Coords[0].Count < 2)
            {
                fail.Add($"street {name}: not a LineString");
                continue;
            }
            if (!ids.Add(f.Props.GetProperty("id").GetString()!))
            {
                fail.Add($"street {name}: duplicate id");
            }
            if (!allowedTypes.Contains(f.Props.GetProperty("type").GetString()!) || name.Any(ch => !(char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch) || ch == ' ')))
            {
                fail.Add($"street {name}: bad name or type");
            }
            var pts = f.Coords[0];
            if (!byName.TryGetValue(name, out var list))
            {
                byName[name] = list = [];
            }
            list.Add((pts, Int(f.Props, "l_from"), Int(f.Props, "l_to"), Int(f.Props, "r_from"), Int(f.Props, "r_to")));
            foreach (var e in new[] { pts[0], pts[^1] })
            {
                if (!nodeNames.TryGetValue(e, out var set))
                {
                    nodeNames[e] = set = new SortedSet<string>(StringComparer.Ordinal);
                }
                set.Add(name);
                endCount[e] = endCount.GetValueOrDefault(e) + 1;
            }
        }
        // Every crossing or touching of two streets must be at an endpoint both share.
        var segs = new List<(int F, V A, V B)>();
        for (int i = 0; i < sf.Count; i++)
        {
            var pts = sf[i].Coords[0];
            for (int k = 0; k + 1 < pts.Count; k++)
            {
                segs.Add((i, pts[k], pts[k + 1]));
            }
        }
        var grid = new Dictionary<(int, int), List<int>>();
        for (int i = 0; i < segs.Count; i++)
        {
            foreach (var c in Geo.Cells(segs[i].A, segs[i].B, 100, 1))
            {
                if (!grid.TryGetValue(c, out var l))
                {
                    grid[c] = l = [];
                }
                l.Add(i);
            }
        }
        int badCross = 0, nearMiss = 0;
        var seen = new HashSet<(int, int)>();
        foreach (var l in grid.Values)
        {
            for (int x = 0; x < l.Count; x++)
            {
                for (int y = x + 1; y < l.Count; y++)
                {
                    var (fa, a, b) = segs[l[x]];
                    var (fb, c, d) = segs[l[y]];
                    if (fa == fb || !seen.Add((Math.Min(l[x], l[y]), Math.Max(l[x], l[y]))))
                    {
                        continue;
                    }
                    foreach (var (t, _) in Geo.Intersect(a, b, c, d))
                    {
                        var p = a + (b - a) * t;
                        var ea = sf[fa].Coords[0];
                        var eb = sf[fb].Coords[0];
                        var shared = new[] { ea[0], ea[^1] }.Intersect(new[] { eb[0], eb[^1] }).ToList();
                        if (!shared.Any(s => (s - p).Len < 0.05))
                        {
                            badCross++;
                            if (badCross <= 5)
                            {
                                var (lon, lat) = Proj.ToLonLat(p);
                                fail.Add($"streets: {sf[fa].Props.GetProperty("name")} and {sf[fb].Props.GetProperty("name")} cross at {lon},{lat} without a shared vertex");
                            }
                        }
                    }
                }
            }
        }
        // Dead ends must not stop just short of another street, and no two distinct nodes may almost coincide.
        var nodes = nodeNames.Keys.ToList();
        foreach (var e in nodes.Where(e => endCount[e] == 1))
        {
            var c = ((int)Math.Floor(e.X / 100), (int)Math.Floor(e.Y / 100));
            for (int dx = -1; dx <= 1; dx++)
            {
                for (int dy = -1; dy <= 1; dy++)
                {
                    if (!grid.TryGetValue((c.Item1 + dx, c.Item2 + dy), out var l))
                    {
                        continue;
                    }
                    foreach (var si in l)
                    {
                        var (fi, a, b) = segs[si];
                        var pts = sf[fi].Coords[0];
                        if (pts[0] == e || pts[^1] == e)
                        {
                            continue;
                        }
                        if (Geo.DistSeg(e, a, b).D < 2)
                        {
                            nearMiss++;
                        }
                    }
                }
            }
        }
        var sortedNodes = nodes.OrderBy(n => n.X).ToList();
        for (int i = 0; i < sortedNodes.Count; i++)
        {
            for (int j = i + 1; j < sortedNodes.Count && sortedNodes[j].X - sortedNodes[i].X < 1; j++)
            {
                if ((sortedNodes[j] - sortedNodes[i]).Len < 1)
                {
                    nearMiss++;
                }
            }
        }
        if (badCross > 0)
        {
            fail.Add($"streets: {badCross} crossings without a shared vertex");
        }
        if (nearMiss > 0)
        {
            fail.Add($"streets: {nearMiss} dead ends or nodes within 2 m of another street without meeting it");
        }
        var intersections = nodeNames.Where(kv => kv.Value.Count >= 2).ToList();
        string[][] required =
        [
            ["N MAIN ST", "E 5TH ST"], ["N MAIN ST", "W 5TH ST"], ["N MAIN ST", "S MAIN ST", "STATE ST"], ["S MAIN ST", "COURT ST"],
            ["OAK AVE", "W 20TH ST"], ["MAPLE AVE", "W 10TH ST"], ["LINCOLN AVE", "E 12TH ST"], ["ROUTE 20", "N MAIN ST"],
            ["RIVERSIDE BLVD", "W 10TH ST"], ["RIVERSIDE BLVD", "WATERFRONT BLVD", "STATE ST"], ["HIGHLAND RD", "W 18TH ST"],
            ["RIVERVIEW BLVD", "ROUTE 20"], ["ELM ST", "MAPLE ST"], ["WASHINGTON AVE", "E 40TH ST"], ["OAK CT"],
        ];
        foreach (var req in required)
        {
            if (!intersections.Any(kv => req.All(kv.Value.Contains)) && !(req.Length == 1 && intersections.Any(kv => kv.Value.Contains(req[0]))))
            {
                fail.Add($"streets: no intersection of {string.Join(" & ", req)}");
            }
        }
        r.Lines.Add(string.Format(ci, "streets: {0:N0} segments, {1} distinct names, {2:N0} intersections (endpoints shared by 2+ streets), {3:N0} dead ends",
            sf.Count, byName.Count, intersections.Count, endCount.Count(kv => kv.Value == 1)));

        // Places.
        var pf = Read(Path.Combine(dir, "places.geojson"));
        var placeAddresses = new List<(string Name, string Address, List<V> Geom)>();
        foreach (var f in pf)
        {
            string name = f.Props.GetProperty("name").GetString()!;
            var aliases = f.Props.GetProperty("aliases");
            if (aliases.ValueKind != JsonValueKind.Array || aliases.GetArrayLength() == 0 || string.IsNullOrEmpty(f.Props.GetProperty("kind").GetString()))
            {
                fail.Add($"place {name}: missing kind or aliases");
            }
            var pts = f.GeomType == "Polygon" ? OpenRing(f.Coords[0], name, fail) : f.Coords[0];
            if (f.GeomType == "Polygon" && (Geo.Area(pts) <= 0 || Geo.SelfIntersections(pts) > 0))
            {
                fail.Add($"place {name}: invalid polygon");
            }
            if (pts.Any(p => !Geo.InRing(p, boundary)))
            {
                fail.Add($"place {name}: outside the city limit");
            }
            if (f.Props.GetProperty("address").ValueKind == JsonValueKind.String)
            {
                placeAddresses.Add((name, f.Props.GetProperty("address").GetString()!, pts));
            }
        }
        if (pf.Count != 30)
        {
            fail.Add($"places.geojson: {pf.Count} places, expected 30");
        }

        // Addresses.
        var lines = File.ReadAllLines(Path.Combine(dir, "addresses.csv"));
        if (lines[0] != "LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID,HASH")
        {
            fail.Add("addresses.csv: wrong header");
        }
        var addrIds = new HashSet<string>();
        var keys = new HashSet<string>();
        var buildings = new Dictionary<string, V>();
        int outside = 0, noStreet = 0, noRange = 0, units = 0, suffixed = 0;
        var offsets = new List<double>();
        var perWard = new int[wards.Count];
        var streetsWithAddresses = new HashSet<string>();
        var zips = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var c = line.Split(',');
            if (c.Length != 11)
            {
                fail.Add($"addresses.csv: bad row {line}");
                continue;
            }
            var p = Proj.FromLonLat(double.Parse(c[0], ci), double.Parse(c[1], ci));
            string number = c[2], street = c[3], unit = c[4];
            if (!addrIds.Add(c[9]))
            {
                fail.Add($"addresses.csv: duplicate ID {c[9]}");
            }
            if (!keys.Add($"{street}|{number}|{unit}"))
            {
                fail.Add($"addresses.csv: duplicate address {number} {street} {unit}");
            }
            if (c[8].Length != 5 || c[10].Length != 16)
            {
                fail.Add($"addresses.csv: bad POSTCODE or HASH in {line}");
            }
            zips[c[8]] = zips.GetValueOrDefault(c[8]) + 1;
            if (!Geo.InRing(p, boundary))
            {
                outside++;
            }
            if (unit.Length > 0)
            {
                units++;
                continue;
            }
            buildings[$"{street}|{number}"] = p;
            int ward = wards.FindIndex(w => Geo.InRing(p, w));
            if (ward >= 0)
            {
                perWard[ward]++;
            }
            streetsWithAddresses.Add(street);
            if (char.IsAsciiLetter(number[^1]))
            {
                suffixed++;
            }
            if (!byName.TryGetValue(street, out var segsOf))
            {
                noStreet++;
                continue;
            }
            // The number must fall in a range of its street, on the side of the street where its point is.
            int n = int.Parse(number.TrimEnd('A', 'B'), ci);
            bool ok = false;
            double best = double.MaxValue;
            foreach (var (pts, lf, lt, rf, rt) in segsOf)
            {
                foreach (var (from, to, left) in new[] { (lf, lt, true), (rf, rt, false) })
                {
                    if (from == null || to == null || n < Math.Min(from.Value, to.Value) || n > Math.Max(from.Value, to.Value) || (n - from.Value) % 2 != 0)
                    {
                        continue;
                    }
                    double len = Geo.Length(pts);
                    double f = from == to ? 0.5 : (double)(n - from.Value) / (to.Value - from.Value);
                    var (q, qdir) = Geo.At(pts, f * len);
                    bool isLeft = Geo.Cross(qdir, p - q) > 0;
                    double dist = (p - q).Len;
                    if (isLeft == left && dist < 40)
                    {
                        best = Math.Min(best, dist);
                        ok = true;
                    }
                }
            }
            if (ok && !char.IsAsciiLetter(number[^1]))
            {
                offsets.Add(best);
            }
            if (!ok)
            {
                noRange++;
                if (noRange <= 5)
                {
                    fail.Add($"addresses.csv: {number} {street} is in no range of its street on its side");
                }
            }
        }
        if (outside > 0)
        {
            fail.Add($"addresses.csv: {outside} addresses outside the city limit");
        }
        if (noStreet > 0)
        {
            fail.Add($"addresses.csv: {noStreet} addresses on streets missing from streets.geojson");
        }
        if (noRange > 0)
        {
            fail.Add($"addresses.csv: {noRange} addresses outside their street's ranges");
        }
        foreach (var (name, address, geom) in placeAddresses)
        {
            var sp = address.IndexOf(' ', StringComparison.Ordinal);
            if (!buildings.TryGetValue($"{address[(sp + 1)..]}|{address[..sp]}", out var ap))
            {
                fail.Add($"place {name}: its address {address} is not in addresses.csv");
            }
            else if (geom.Count == 1 ? (geom[0] - ap).Len > 80 : Geo.DistRing(ap, geom) > 40 && !Geo.InRing(ap, geom))
            {
                fail.Add($"place {name}: its address point is far from it");
            }
        }
        r.Lines.Add(string.Format(ci, "addresses: {0:N0} rows = {1:N0} buildings + {2:N0} unit rows; {3} letter-suffixed numbers; {4} streets with addresses; all inside the city: {5}",
            lines.Length - 1, buildings.Count, units, suffixed, streetsWithAddresses.Count, outside == 0 ? "yes" : "NO"));
        offsets.Sort();
        r.Lines.Add(string.Format(ci, "addresses: every number in its street's range on its side: {0}; distance from the position interpolated in the range: median {1:F1} m, 99% within {2:F1} m, max {3:F1} m",
            noRange == 0 ? "yes" : "NO", offsets[offsets.Count / 2], offsets[(int)(offsets.Count * 0.99)], offsets[^1]));
        r.Lines.Add("buildings per ward: " + string.Join(", ", perWard.Select((c, i) => $"{i + 1}: {c:N0}")));
        r.Lines.Add("postcodes: " + string.Join(", ", zips.Select(kv => $"{kv.Key} {kv.Value:N0}")));
        r.Lines.Add(string.Format(ci, "places: {0} ({1} polygons, {2} points, {3} with an address), all inside the city",
            pf.Count, pf.Count(f => f.GeomType == "Polygon"), pf.Count(f => f.GeomType == "Point"), placeAddresses.Count));

        // Neighbours.
        using var ndoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "neighbours.json")));
        var nbs = ndoc.RootElement.GetProperty("neighbours");
        foreach (var nb in nbs.EnumerateArray())
        {
            var ring = OpenRing(ReadLine(nb.GetProperty("geometry").GetProperty("coordinates")[0]), nb.GetProperty("name").GetString()!, fail);
            if (Geo.Area(ring) <= 0 || Geo.SelfIntersections(ring) > 0)
            {
                fail.Add($"neighbour {nb.GetProperty("name").GetString()}: invalid polygon");
            }
        }
        r.Lines.Add($"neighbours: {nbs.GetArrayLength()} ({string.Join(", ", nbs.EnumerateArray().Select(n => n.GetProperty("name").GetString()))})");

        long total = Directory.GetFiles(dir).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        if (total > 8_000_000)
        {
            fail.Add($"the data files total {total:N0} bytes, over 8 MB");
        }
        return r;
    }
}
