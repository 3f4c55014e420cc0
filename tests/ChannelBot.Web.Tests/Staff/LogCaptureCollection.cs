namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// Tests that read the app's logs run alone: the app's Serilog writes through the process-wide <c>Log.Logger</c>,
/// which the last app started owns, so an app started by a parallel test would take the events away.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LogCaptureCollection
{
    public const string Name = "Log capture";
}
