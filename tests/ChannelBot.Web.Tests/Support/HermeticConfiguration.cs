using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// An app under test reads only the settings its test gives it and the repository's appsettings files, never the
/// machine's environment variables: a <c>Notifications__QuietHoursStart</c> or <c>Twilio__AuthToken</c> exported in
/// the shell must not change what a test checks.
/// </summary>
public static class HermeticConfiguration
{
    public static void DropEnvironmentVariables(IConfigurationBuilder configuration)
    {
        foreach (var source in configuration.Sources.OfType<EnvironmentVariablesConfigurationSource>().ToList())
        {
            configuration.Sources.Remove(source);
        }
    }
}
