namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// One chaos run's size, every number pinned by the test that runs it: residents per channel, how many
/// <c>kill -9</c>s and how far apart, how many app processes share the database, and how many residents report at
/// once (the rest wait their turn, so a large run does not drown a small machine).
/// </summary>
internal sealed record ChaosPlan
{
    public int Sms { get; init; }

    public int WhatsApp { get; init; }

    /// <summary>Residents on a Bot Framework channel (the Connector).</summary>
    public int Connector { get; init; }

    public int Messenger { get; init; }

    /// <summary>Residents in web chat through our Direct Line server.</summary>
    public int WebChat { get; init; }

    public int Kills { get; init; }

    /// <summary>App processes on the one database; each kill picks one at random and starts it again.</summary>
    public int Instances { get; init; } = 1;

    /// <summary>Residents reporting at the same time.</summary>
    public int AtOnce { get; init; } = int.MaxValue;

    /// <summary>The pause before each kill, in milliseconds (at random between the two).</summary>
    public (int Min, int Max) KillEvery { get; init; } = (300, 3000);

    /// <summary>Seeds the kill moments and which process dies, so a failing run can be replayed.</summary>
    public int Seed { get; init; } = 20261207;

    public int Residents => Sms + WhatsApp + Connector + Messenger + WebChat;
}
