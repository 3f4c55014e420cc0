using ChannelBot.Geo.Data;
using ChannelBot.Geo.Text;

namespace ChannelBot.Geo.Resolution;

/// <summary>
/// Turns what a resident typed into a place in the city, in this order: a neighbouring town or county named →
/// outside; a house number on a street → that address (or the nearest on the same street and side, said as "near");
/// two streets joined ("Main and 5th", "esquina de Main y la 5") → where they meet; a named place; a street alone →
/// ask where on it; a kind of place ("the library") → the places of that kind. Several equal answers → choices;
/// nothing → not found (the words are kept and staff can place it).
/// </summary>
internal sealed class LocationResolver
{
    private static readonly HashSet<string> Between =
        [.. AddressWords.Joiners, .. AddressWords.Articles, .. AddressWords.SpanishTypes.Keys, "corner", "esquina", "cruce", "intersection", "interseccion"];

    private readonly CityMap _map;
    private readonly StreetMentions _streets;
    private readonly PlaceIndex _places;
    private readonly List<(Neighbour Neighbour, string[] Words)> _neighbourNames = [];

    public LocationResolver(CityMap map)
    {
        _map = map;
        _streets = new StreetMentions(map);
        _places = new PlaceIndex(map.Places);
        foreach (var neighbour in map.Neighbours.Where(n => n.Kind != "state"))
        {
            var name = LocationText.Read(neighbour.Name);
            var words = PlaceWords.Content(name).Select(c => c.Word).Where(w => w is not ("town" or "city" or "village")).Distinct().ToArray();
            if (words.Length > 0)
            {
                _neighbourNames.Add((neighbour, words));
            }
        }
    }

    public LocationResolution Resolve(string text)
    {
        var words = LocationText.Read(text);
        if (words.Count == 0)
        {
            return LocationResolution.NotFound;
        }

        var content = PlaceWords.Content(words);
        foreach (var (neighbour, name) in _neighbourNames)
        {
            if (PlaceIndex.Window(content, name) is not null)
            {
                return new LocationResolution(LocationOutcome.Outside, [], neighbour);
            }
        }

        var place = _places.Find(words);
        var mentions = _streets.Find(words).Where(m => Kept(m, place)).ToList();

        foreach (var mention in mentions.Where(m => m.House is not null))
        {
            if (Address(mention) is { } address)
            {
                return address;
            }
        }

        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            if (Joined(words, mentions[i], mentions[i + 1]) && Junction(mentions[i], mentions[i + 1]) is { } junction)
            {
                return junction;
            }
        }

        if (mentions.FirstOrDefault(m => m.NeighbourRoad is not null && m.Streets.Count == 0) is { } road)
        {
            return new LocationResolution(LocationOutcome.Outside, [], road.NeighbourRoad);
        }

        if (mentions.Any(m => m.House is not null))
        {
            return LocationResolution.NotFound;
        }

        if (place is not null)
        {
            var candidates = place.Places.Select(Located).ToList();
            candidates.AddRange(mentions.Where(m => place.Spans.Any(p => m.Start >= p.Start && m.End <= p.End)).SelectMany(m => m.Candidates).Select(s => StreetLocation(s)));
            return Outcome(candidates);
        }

        if (OfKindOnStreet(words, mentions) is { } onStreet)
        {
            return onStreet;
        }

        var street = mentions.FirstOrDefault(m => !m.Misspelt && (m.Clear || words.Count - (m.End - m.Start) <= 1) && m.Streets.Count > 0);
        if (street is not null)
        {
            return new LocationResolution(LocationOutcome.StreetOnly, [.. street.Candidates.Select(s => StreetLocation(s))], null, [.. street.Candidates.Select(s => s.Label)]);
        }

        var ofKind = _places.OfKindNamed(words);
        return ofKind.Count > 0 ? Outcome([.. ofKind.Select(Located)]) : LocationResolution.NotFound;
    }

    /// <summary>"the library on state st": the places of the kind named whose address is on the street named.</summary>
    private LocationResolution? OfKindOnStreet(IReadOnlyList<string> words, List<StreetMention> mentions)
    {
        var ofKind = _places.OfKindNamed(words);
        var streets = mentions.SelectMany(m => m.Candidates).Select(s => s.Name.Full).ToHashSet(StringComparer.Ordinal);
        var onStreet = ofKind.Where(p => p.Address is { } a && a.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space && streets.Contains(a[(space + 1)..])).ToList();
        return onStreet.Count > 0 ? Outcome([.. onStreet.Select(Located)]) : null;
    }

    /// <summary>
    /// A street word that is part of a longer place name ("the park on oak avenue") is the place's, and so is a name
    /// said with a type no street of that name has ("washington sq"); a bare name that is also a place's
    /// ("lincoln") stays, for the resident to choose. A misspelt street needs a number or a type.
    /// </summary>
    private static bool Kept(StreetMention mention, PlaceMatch? place)
    {
        var covered = place?.Spans.Where(p => mention.House is null && mention.Start >= p.Start && mention.End <= p.End).ToList() ?? [];
        if (covered.Any(p => (mention.End - mention.Start) < (p.End - p.Start) || (mention.Clear && mention.Fitting.Count == 0)))
        {
            return false;
        }

        return !mention.Misspelt || mention.Clear;
    }

    private LocationResolution? Address(StreetMention mention)
    {
        var (number, text) = mention.House!.Value;
        foreach (var streets in new[] { mention.Candidates, mention.Streets })
        {
            var exact = streets.Select(s => (Street: s, Address: s.Find(text))).Where(x => x.Address is not null).ToList();
            if (exact.Count > 0)
            {
                return Outcome([.. exact.Select(x => AddressLocation(x.Street, x.Address!, LocationPrecision.Address))]);
            }

            var near = streets.Select(s => (Street: s, Nearby: s.Nearby(number))).Where(x => x.Nearby is not null).ToList();
            if (near.Count > 0)
            {
                return Outcome([.. near.Select(x => x.Nearby!.Value.Nearest is { } a
                    ? AddressLocation(x.Street, a, LocationPrecision.NearAddress)
                    : StreetLocation(x.Street, x.Nearby!.Value.Interpolated, $"{text} {x.Street.Label}", LocationPrecision.NearAddress))]);
            }
        }

        return null;
    }

    private LocationResolution? Junction(StreetMention a, StreetMention b)
    {
        foreach (var (first, second) in new[] { (a.Candidates, b.Candidates), (a.Streets, b.Streets) })
        {
            var found = new List<ResolvedLocation>();
            foreach (var x in first)
            {
                foreach (var y in second.Where(y => y != x))
                {
                    foreach (var at in _map.Junctions(x, y))
                    {
                        if (!found.Any(f => f.Position.MetresTo(at) < 5))
                        {
                            found.Add(Within(new ResolvedLocation(Labels.Intersection(x, y), at, LocationPrecision.Intersection, null, null, x.Name.Full)));
                        }
                    }
                }
            }

            if (found.Count > 0)
            {
                return Outcome(found);
            }
        }

        return null;
    }

    private static bool Joined(IReadOnlyList<string> words, StreetMention a, StreetMention b)
    {
        var gap = b.Start - a.End;
        if (gap is < 1 or > 4 || a.House is not null)
        {
            return false;
        }

        var between = words.Skip(a.End).Take(gap).ToList();
        return between.All(Between.Contains) && between.Any(AddressWords.Joiners.Contains);
    }

    private LocationResolution Outcome(List<ResolvedLocation> candidates)
    {
        var inside = candidates.Where(c => _map.InsideCity(c.Position)).ToList();
        if (inside.Count == 0)
        {
            return candidates.Count == 0 ? LocationResolution.NotFound
                : new LocationResolution(LocationOutcome.Outside, [], _map.NeighbourAt(candidates[0].Position));
        }

        return new LocationResolution(inside.Count == 1 ? LocationOutcome.Found : LocationOutcome.Choices, inside);
    }

    private ResolvedLocation AddressLocation(Street street, AddressPoint address, LocationPrecision precision)
    {
        var cross = _map.NearestJunction(street, address.Position)?.Others[0].Label;
        return Within(new ResolvedLocation(Labels.Address(address.NumberText, street), address.Position, precision, cross, null, street.Name.Full));
    }

    private ResolvedLocation StreetLocation(Street street, GeoPosition? at = null, string? label = null, LocationPrecision precision = LocationPrecision.Street)
    {
        var position = at ?? Middle(street);
        return Within(new ResolvedLocation(label ?? street.Label, position, precision, null, null, street.Name.Full));
    }

    private ResolvedLocation Located(Place place) =>
        Within(new ResolvedLocation(place.Name, place.Anchor, LocationPrecision.Place, null, null, null));

    private ResolvedLocation Within(ResolvedLocation location) => location with { Area = _map.AreaOf(location.Position)?.Name };

    private static GeoPosition Middle(Street street)
    {
        if (street.Segments.Count == 0)
        {
            return street.Addresses.Count > 0 ? street.Addresses[street.Addresses.Count / 2].Position : default;
        }

        var middle = street.Segments[street.Segments.Count / 2].Line.Centroid;
        return new GeoPosition(middle.Y, middle.X);
    }
}
