using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// Says at every start, as a warning, that <c>Connector:AllowAnonymous</c> is on outside Development: anyone who can
/// reach <c>/api/messages</c> may then talk to the bot as the Emulator (confined to channel <c>emulator</c> and a
/// loopback <c>serviceUrl</c>, but still unauthenticated). An operator should see that in the log, not find it later.
/// </summary>
internal sealed partial class ConnectorAnonymousWarning(IOptions<ConnectorOptions> options, IHostEnvironment environment, ILogger<ConnectorAnonymousWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AllowAnonymous == true && !options.Value.IsAuthenticationEnabled && !environment.IsDevelopment())
        {
            LogAnonymousOutsideDevelopment(environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4140, Level = LogLevel.Warning, Message = "Connector:AllowAnonymous is on in the {Environment} environment: unauthenticated Emulator posts to /api/messages are accepted (channel 'emulator', loopback serviceUrl only). Set Connector:MicrosoftAppId, or turn the switch off, for a public deployment.")]
    private partial void LogAnonymousOutsideDevelopment(string environment);
}
