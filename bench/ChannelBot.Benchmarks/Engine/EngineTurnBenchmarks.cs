using BenchmarkDotNet.Attributes;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;
using ChannelBot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Benchmarks.Engine;

/// <summary>
/// One <see cref="DialogEngine.OnActivity"/> call on the real dialogs/, as the turn worker makes it: the stored
/// state is read from its JSON (the engine updates the state it is given, so every call needs its own copy),
/// then the engine runs. <see cref="StateJsonOnly"/> is that read alone, to subtract.
/// </summary>
[MemoryDiagnoser]
public class EngineTurnBenchmarks
{
    private DialogEngine _engine = null!;
    private string _freshState = null!;
    private string _greetedState = null!;
    private string _askingLaneState = null!;
    private Activity _hi = null!;
    private Activity _pothole = null!;
    private Activity _choiceByNumber = null!;
    private Activity _status = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new DialogEngine(RepositoryDialogs.Load(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)));
        _hi = Message("hi");
        _pothole = Message("there's a huge pothole on Main St");
        _choiceByNumber = Message("1");
        _status = Message("status 311-2026-000123");

        var state = new ConversationState();
        _freshState = DialogStateJson.Serialize(state);
        state = Expect(_engine.OnActivity(state, _hi));
        _greetedState = DialogStateJson.Serialize(state);
        state = Expect(_engine.OnActivity(state, Message("there's a huge pothole in the road")));
        state = Expect(_engine.OnActivity(state, Message("123 Main St")));
        _askingLaneState = DialogStateJson.Serialize(state);

        // The states must be what the names say, or the numbers measure something else.
        var lane = _engine.OnActivity(DialogStateJson.Deserialize(_askingLaneState), _choiceByNumber);
        if (lane.Replies.Count == 0 || DialogStateJson.Serialize(lane.State) == _askingLaneState)
        {
            throw new InvalidOperationException("The choice answer by number did not move the intake on.");
        }

        var status = _engine.OnActivity(DialogStateJson.Deserialize(_askingLaneState), _status);
        if (status.Effect is null)
        {
            throw new InvalidOperationException("'status 311-...' was not handled as a status interrupt (no look-up effect).");
        }
    }

    [Benchmark(Description = "state JSON read only (baseline)")]
    public ConversationState StateJsonOnly() => DialogStateJson.Deserialize(_askingLaneState);

    [Benchmark(Description = "(a) greeting: 'hi' to a new conversation")]
    public TurnResult Greeting() => _engine.OnActivity(DialogStateJson.Deserialize(_freshState), _hi);

    [Benchmark(Description = "(b) free text: category classification")]
    public TurnResult FreeTextCategory() => _engine.OnActivity(DialogStateJson.Deserialize(_greetedState), _pothole);

    [Benchmark(Description = "(c) choice answer by number mid-intake")]
    public TurnResult ChoiceByNumber() => _engine.OnActivity(DialogStateJson.Deserialize(_askingLaneState), _choiceByNumber);

    [Benchmark(Description = "(d) interrupt: 'status 311-2026-000123'")]
    public TurnResult StatusInterrupt() => _engine.OnActivity(DialogStateJson.Deserialize(_askingLaneState), _status);

    private static ConversationState Expect(TurnResult result) =>
        result.Replies.Count > 0 ? result.State : throw new InvalidOperationException("A set-up turn got no reply.");

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = ChannelIds.Emulator,
        ServiceUrl = "http://127.0.0.1:5999/",
        From = new ChannelAccount { Id = "resident-1", Name = "Resident", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "channelbot", Name = "ChannelBot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = "bench-conversation" },
        Text = text,
        Locale = "en-US",
        Timestamp = new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero),
    };
}
