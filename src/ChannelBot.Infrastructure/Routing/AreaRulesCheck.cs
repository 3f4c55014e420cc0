using ChannelBot.Application.Dialogs;
using ChannelBot.Application.Routing;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Infrastructure.Routing;

/// <summary>At start-up, after the dialog files load: every area rule names a department and services the catalog knows.</summary>
internal sealed class AreaRulesCheck(AreaRouter router, IDialogEngineSource dialogs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = dialogs.Current.Definitions.Catalog;
        var problems = new List<string>();
        foreach (var rule in router.Rules)
        {
            if (catalog.FindDepartment(rule.Department) is null)
            {
                problems.Add($"area '{rule.Name}' routes to department '{rule.Department}', which dialogs/catalog.yaml does not list");
            }

            problems.AddRange(rule.Services.Where(code => catalog.Find(code) is null).Select(code => $"area '{rule.Name}' names service '{code}', which dialogs/catalog.yaml does not list"));
        }

        return problems.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException("ChannelBot cannot start: the routing rules do not fit the catalog: " + string.Join("; ", problems) + ".");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
