using ChannelBot.Application.Delivery;
using ChannelBot.Application.Dialogs;
using ChannelBot.Channels.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChannelBot.Channels.Departments;

/// <summary>
/// At start-up, after the dialog files load: every department turned on for email (<c>Departments:Email:{code}:Enabled</c>)
/// is in dialogs/catalog.yaml with a valid <c>email</c>, and there is a mail server to send through (<c>Email:Host</c>;
/// the Development sandbox's mailbox counts). Otherwise the app does not start, and says what to fix.
/// </summary>
internal sealed class DepartmentEmailCheck(IOptions<DepartmentDeliveryOptions> options, IDialogEngineSource dialogs, IEmailTransport transport) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var enabled = options.Value.EmailedDepartments.Order(StringComparer.Ordinal).ToList();
        if (enabled.Count == 0)
        {
            return Task.CompletedTask;
        }

        var problems = Problems(enabled, dialogs.Current.Definitions.Catalog, transport.IsAvailable);
        return problems.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException("ChannelBot cannot start: department email is turned on but cannot be sent: " + string.Join("; ", problems) + ".");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What stops the <paramref name="enabled"/> departments from getting their cases by email.</summary>
    public static List<string> Problems(IReadOnlyList<string> enabled, ChannelBot.Dialogs.Definitions.ServiceCatalog catalog, bool mailServer)
    {
        var problems = new List<string>();
        if (!mailServer)
        {
            problems.Add($"{DepartmentDeliveryOptions.Section}:Email:{enabled[0]}:Enabled is true but no mail server is configured: set {EmailOptions.SectionName}:Host, :FromAddress, :PublicBaseUrl and :UnsubscribeSecret (README, \"Department email\")");
        }

        foreach (var code in enabled)
        {
            var department = catalog.Departments.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
            if (department is null)
            {
                problems.Add($"{DepartmentDeliveryOptions.Section}:Email:{code} names a department that dialogs/catalog.yaml does not list");
            }
            else if (string.IsNullOrWhiteSpace(department.Email) || !MailboxAddress.TryParse(department.Email, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
            {
                problems.Add($"department {department.Code} has no valid email in dialogs/catalog.yaml, so {DepartmentDeliveryOptions.Section}:Email:{code}:Enabled cannot be true");
            }
        }

        return problems;
    }
}
