using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>Every log event the app writes, rendered with its properties (the app's Serilog reads sinks from its services).</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => [.. _events];

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var properties = string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _events.Enqueue($"{logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}");
    }
}
