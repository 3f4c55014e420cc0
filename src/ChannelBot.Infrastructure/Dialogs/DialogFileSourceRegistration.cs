using ChannelBot.Infrastructure.Dialogs;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The dialogs folder as a source of <see cref="ChannelBot.Dialogs.Loading.DialogFile"/>s.</summary>
public static class DialogFileSourceRegistration
{
    /// <summary>Binds <see cref="DialogOptions"/> to the <c>Dialogs</c> section and registers <see cref="DialogFileSource"/>.</summary>
    public static IHostApplicationBuilder AddDialogFiles(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DialogOptions>().BindConfiguration(DialogOptions.Section);
        builder.Services.AddSingleton<DialogFileSource>();
        return builder;
    }
}
