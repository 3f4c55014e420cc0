using ChannelBot.Application.Dialogs;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>
/// The app's dialog engine, built on a clock of its own that, while <see cref="Stall"/> is on, takes
/// <see cref="StallFor"/> to answer: every engine step started meanwhile runs that long, as a message that made a
/// recognizer work too hard would. Installed through DI in place of the app's registration, so the real turn
/// workers and their time budget meet it. Nothing else in the app reads this clock.
/// </summary>
internal sealed class StallingDialogEngineSource(IDialogEngineSource inner) : IDialogEngineSource
{
    private readonly StallingClock _clock = new();
    private DialogEngine? _built;
    private DialogEngine? _from;

    public bool Stall
    {
        get => _clock.Stall;
        set => _clock.Stall = value;
    }

    public TimeSpan StallFor { get => _clock.StallFor; set => _clock.StallFor = value; }

    public DialogEngine Current
    {
        get
        {
            var current = inner.Current;
            lock (_clock)
            {
                if (!ReferenceEquals(current, _from))
                {
                    _built = new DialogEngine(current.Definitions, _clock);
                    _from = current;
                }

                return _built!;
            }
        }
    }

    public static void Install(IServiceCollection services, Action<StallingDialogEngineSource> receive)
    {
        var original = services.Last(d => d.ServiceType == typeof(IDialogEngineSource));
        services.AddSingleton<IDialogEngineSource>(sp =>
        {
            var app = (IDialogEngineSource)(original.ImplementationFactory?.Invoke(sp) ?? original.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
            var stalling = new StallingDialogEngineSource(app);
            receive(stalling);
            return stalling;
        });
    }

    private sealed class StallingClock : TimeProvider
    {
        private readonly PinnedClock _time = new(PinnedClock.Default);

        public volatile bool Stall;

        public TimeSpan StallFor { get; set; } = TimeSpan.FromSeconds(2);

        public override DateTimeOffset GetUtcNow()
        {
            if (Stall)
            {
                Thread.Sleep(StallFor);
            }

            return _time.GetUtcNow();
        }
    }
}
