using ChannelBot.Infrastructure.Staff;

namespace ChannelBot.Web.Staff;

/// <summary>
/// The command line's way to the first admin (and back in when every admin is locked out):
/// <c>staff add-admin &lt;login&gt; [display name]</c> creates an admin, <c>staff reset-password &lt;login&gt;</c> sets a new
/// password; both print a one-time password that must be changed at first sign-in. The database is migrated first.
/// </summary>
public static class StaffCommand
{
    public const string Verb = "staff";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count < 2 || args[0] is not ("add-admin" or "reset-password") || string.IsNullOrWhiteSpace(args[1]))
        {
            await error.WriteLineAsync("usage: staff add-admin <login> [display name]   |   staff reset-password <login>");
            return 2;
        }

        await services.MigrateDatabaseAsync(cancellationToken);
        var store = services.GetRequiredService<StaffAccountStore>();
        var login = args[1].Trim();
        var password = StaffPasswords.NewOneTime();
        StaffAccountChangeOutcome outcome;
        if (args[0] == "add-admin")
        {
            var name = args.Count > 2 ? string.Join(' ', args.Skip(2)) : login;
            outcome = await store.CreateAsync(new NewStaffAccount(login, name, StaffRoles.Admin, null, password), cancellationToken);
        }
        else
        {
            outcome = await store.FindByLoginAsync(login, cancellationToken) is { } account
                ? await store.ResetPasswordAsync(account.Id, password, cancellationToken)
                : new StaffAccountChangeOutcome(StaffAccountChange.NotFound);
        }

        switch (outcome.Status)
        {
            case StaffAccountChange.Changed:
                await output.WriteLineAsync($"{outcome.Account!.Login} ({outcome.Account.Role}): one-time password {password}");
                await output.WriteLineAsync("Sign in with it at POST /api/staff/session; it must be changed before anything else (POST /api/staff/session/password).");
                return 0;
            case StaffAccountChange.LoginTaken:
                await error.WriteLineAsync($"An account named {login} already exists: use `staff reset-password {login}`.");
                return 1;
            default:
                await error.WriteLineAsync($"No account is named {login}.");
                return 1;
        }
    }
}
