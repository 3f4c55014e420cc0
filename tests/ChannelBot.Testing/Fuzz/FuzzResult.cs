namespace ChannelBot.Testing.Fuzz;

/// <summary>What a fuzz run saw: answers by status code, every 5xx (with what caused it), and the legitimate messages that went unanswered.</summary>
public sealed record FuzzResult(
    int Sent,
    IReadOnlyDictionary<int, int> StatusCounts,
    IReadOnlyList<string> ServerErrors,
    int LegitimateSent,
    int LegitimateUnanswered,
    bool ReadyAtTheEnd)
{
    public string Summary =>
        $"{Sent} hostile requests: " + string.Join(", ", StatusCounts.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))
        + $"; {ServerErrors.Count} answers ≥ 500; {LegitimateSent - LegitimateUnanswered}/{LegitimateSent} legitimate messages answered; ready at the end: {ReadyAtTheEnd}";
}
