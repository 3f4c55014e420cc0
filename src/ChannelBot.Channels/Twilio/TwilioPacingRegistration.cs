using ChannelBot.Channels.Twilio;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Paces Twilio sends to the account's rate (<see cref="TwilioPacingOptions"/>), inside the retry pipeline.</summary>
public static class TwilioPacingRegistration
{
    public static IHostApplicationBuilder AddTwilioPacing(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TwilioPacingOptions>().BindConfiguration(TwilioPacingOptions.SectionName);

        // One pacer for the whole app (a handler instance lives as long as the client's handler chain, and the
        // bucket must be shared by every send): the factory hands out the same instance each time.
        builder.Services.AddSingleton<TwilioSendPacer>();
        builder.Services.AddHttpClient(TwilioHttpClients.Api).AddHttpMessageHandler(sp => new SharedPacer(sp.GetRequiredService<TwilioSendPacer>()));
        return builder;
    }

    /// <summary>A fresh handler per chain that forwards to the one shared pacer's bucket.</summary>
    private sealed class SharedPacer(TwilioSendPacer pacer) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await pacer.WaitTurnAsync(request, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
