using ChannelBot.Application.Dialogs;
using ChannelBot.Dialogs.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>
/// The app's own dialog engine source with a gate in front: once closed, whoever asks for the engine (the turn
/// worker, at the start of every batch) is held until the test opens it again. Installed through DI in place of
/// the app's registration (<see cref="Install"/>), so the turn pipeline itself is what stalls.
/// </summary>
internal sealed class GatedDialogEngineSource(IDialogEngineSource inner) : IDialogEngineSource, IDisposable
{
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a caller is first held at the closed gate.</summary>
    public Task Held => _held.Task;

    public DialogEngine Current
    {
        get
        {
            if (!_open.IsSet)
            {
                _held.TrySetResult();

                // A cap, so that a broken test cannot hang the run; the test opens the gate long before.
                _open.Wait(TimeSpan.FromMinutes(2));
            }

            return inner.Current;
        }
    }

    /// <summary>Puts a gate in front of the app's <see cref="IDialogEngineSource"/>; <paramref name="gate"/> receives it once built.</summary>
    public static void Install(IServiceCollection services, Action<GatedDialogEngineSource> gate)
    {
        var original = services.Last(d => d.ServiceType == typeof(IDialogEngineSource));
        services.AddSingleton<IDialogEngineSource>(sp =>
        {
            var inner = (IDialogEngineSource)(original.ImplementationFactory?.Invoke(sp) ?? original.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
            var gated = new GatedDialogEngineSource(inner);
            gate(gated);
            return gated;
        });
    }

    public void Close() => _open.Reset();

    public void Open() => _open.Set();

    public void Dispose() => _open.Dispose();
}
