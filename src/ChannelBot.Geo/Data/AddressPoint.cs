namespace ChannelBot.Geo.Data;

/// <summary>One building's address point (unit rows of the same building are not kept: they share its point).</summary>
/// <param name="Number">The number without its letter (371 for 371A), for ranges and "nearest number".</param>
/// <param name="NumberText">The number as written on the door, upper case (371A).</param>
internal sealed record AddressPoint(int Number, string NumberText, string Street, GeoPosition Position, string Postcode);
