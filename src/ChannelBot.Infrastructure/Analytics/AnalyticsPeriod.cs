namespace ChannelBot.Infrastructure.Analytics;

/// <summary>
/// The cases analytics looks at: those filed from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive), two
/// instants (the start of the first day and of the day after the last, in the city's time zone), and the moment
/// <see cref="Now"/> the figures are taken at (what is still open, and how old it is, is judged then).
/// </summary>
public sealed record AnalyticsPeriod(DateTimeOffset From, DateTimeOffset To, DateTimeOffset Now);
