using ChannelBot.Application.Dialogs;
using ChannelBot.Application.Routing;
using ChannelBot.Infrastructure;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Infrastructure.Dialogs;
using ChannelBot.Infrastructure.Geo;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Everything behind the channels: storage, the dialog files and engine, the turn pipeline, the outbox, residents' photos and the web chat (Direct Line) conversation log.</summary>
public static class InfrastructureRegistration
{
    /// <summary>
    /// Order matters for start-up: hosted services start in registration order, so the database is migrated
    /// first, then the dialog files are loaded, and only then do the turn worker and the outbox start.
    /// </summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPersistence();
        builder.AddDialogFiles();
        builder.Services.AddOptions<GeoOptions>().BindConfiguration(GeoOptions.Section);
        builder.Services.AddSingleton<CityGeographySource>();
        builder.Services.AddTransient(sp => sp.GetRequiredService<CityGeographySource>().Current);   // the map now (it may be reloaded)
        builder.Services.AddSingleton(sp => CityGeographyLoader.MapFiles(sp.GetRequiredService<IOptions<GeoOptions>>()));   // what the public map draws
        builder.Services.AddSingleton<DialogEngineSource>();
        builder.Services.AddSingleton<IDialogEngineSource>(sp => sp.GetRequiredService<DialogEngineSource>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DialogEngineSource>());
        builder.Services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.Section);
        builder.Services.AddSingleton(sp => AreaRouterLoader.Load(sp.GetRequiredService<IOptions<RoutingOptions>>(), sp.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddHostedService<AreaRulesCheck>();
        builder.AddTurnPipeline();
        builder.AddPhotos();
        builder.Services.AddOptions<ChannelBot.Infrastructure.Retention.RetentionOptions>()
            .BindConfiguration(ChannelBot.Infrastructure.Retention.RetentionOptions.Section)
            .Validate(static o => o.MessageDays >= 0 && o.ClosedCasePersonalDataDays >= 0 && o.SweepInterval > TimeSpan.Zero, "Retention: days must be 0 (keep) or more, and SweepInterval positive.")
            .ValidateOnStart();
        builder.Services.AddHostedService<ChannelBot.Infrastructure.Retention.RetentionSweeper>();
        builder.AddDirectLineStore();
        builder.Services.AddSingleton(sp => new CaseReader(sp.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>()));
        builder.Services.AddSingleton(sp => new ChannelBot.Infrastructure.Analytics.StaffAnalyticsQueries(sp.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>()));
        builder.Services.AddSingleton(sp => new ChannelBot.Infrastructure.Open311.Open311Queries(sp.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>()));
        builder.Services.AddSingleton<ChannelBot.Infrastructure.Open311.ExternalStatusUpdates>();
        builder.Services.AddSingleton(sp => new ChannelBot.Infrastructure.Open311.ExternalCaseFiler(
            sp.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>(), sp.GetRequiredService<CaseGatewayFactory>(), sp.GetService<OutboxDispatcher>(), sp.GetService<ChannelBot.Infrastructure.Photos.PhotoCollector>()));
        builder.Services.AddSingleton<ChannelBot.Infrastructure.Turns.SetAsideReader>();
        builder.Services.AddSingleton<ChannelBot.Application.Delivery.ICasePhotoSource, ChannelBot.Infrastructure.Delivery.CasePhotoSource>();
        builder.Services.AddSingleton(sp => new CaseEditor(
            sp.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>(),
            sp.GetRequiredService<IDialogEngineSource>(),
            sp.GetRequiredService<OutboxDispatcher>(),
            sp.GetRequiredService<TimeProvider>(),
            new CaseNotifier(
                sp.GetRequiredService<IDialogEngineSource>(),
                sp.GetRequiredService<IOptions<NotificationOptions>>().Value.QuietHours,
                sp.GetRequiredService<ChannelBot.Application.Messaging.IMessagingConsent>(),
                sp.GetServices<ChannelBot.Application.Notifications.INotificationTemplates>(),
                sp.GetServices<ChannelBot.Application.Notifications.INotificationChannel>(),
                sp.GetRequiredService<ChannelSenderRegistry>()),
            sp.GetRequiredService<AreaRouter>(),
            () => sp.GetRequiredService<CityGeographySource>().Current));
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        builder.Services.AddOptions<ChannelBot.Infrastructure.Handoffs.HandoffOptions>()
            .BindConfiguration(ChannelBot.Infrastructure.Handoffs.HandoffOptions.Section)
            .Validate(static o => o.WaitNoticeAfter > TimeSpan.Zero && o.WaitNoticeInterval >= TimeSpan.FromMilliseconds(10), "Handoff: WaitNoticeAfter must be positive and WaitNoticeInterval at least 10 ms.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ChannelBot.Infrastructure.Handoffs.HandoffDesk(
            sp.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>(),
            sp.GetRequiredService<IDialogEngineSource>(),
            sp.GetRequiredService<OutboxDispatcher>(),
            sp.GetRequiredService<ChannelBot.Application.Conversations.IInboundActivitySink>(),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<ChannelBot.Infrastructure.Handoffs.HandoffWaitNotices>();
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("storage-and-dialogs", tags: ["ready"]);
        return builder;
    }
}
