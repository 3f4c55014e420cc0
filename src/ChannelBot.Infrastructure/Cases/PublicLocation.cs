namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// Where a request is, as the public sees it (<see cref="PublicDisclosure.Location"/>): a block of a street
/// (<see cref="Block"/> 1200 and <see cref="Text"/> "N Main St": "the 1200 block of N Main St"), or, with no block, an
/// intersection or a place as the city's map names it.
/// </summary>
/// <param name="Block">The house number rounded down to the hundred (0 for 1-99); null when the place has no number.</param>
/// <param name="Text">The street of the block, or the whole intersection or place.</param>
public sealed record PublicLocation(int? Block, string Text);
