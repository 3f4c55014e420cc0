using System.Security.Cryptography;
using ChannelBot.Infrastructure.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChannelBot.Web.Staff;

/// <summary>
/// In Development only: a demo operator, so that `dotnet run` gives the whole loop (report on a sandbox phone, change
/// the status in /staff, the phone hears it) with no account to create first. The account is made once; at every
/// start its password is renewed and the sign-in is written to the log. In any other environment nothing happens
/// (the first admin is made with `staff add-admin`).
/// </summary>
public sealed partial class DemoOperator(
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    IServer server,
    StaffAccountStore accounts,
    ILogger<DemoOperator> logger) : IHostedService
{
    public const string Login = "demo.operator@sandbox.localhost";

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>The password of this run (null outside Development or before start-up).</summary>
    public string? Password { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        var password = RandomNumberGenerator.GetString(Alphabet, 20);
        await accounts.EnsureReadyAccountAsync(new NewStaffAccount(Login, "Demo operator", StaffRoles.Operator, null, password), cancellationToken).ConfigureAwait(false);
        Password = password;
        lifetime.ApplicationStarted.Register(() => LogSignIn(StaffUrl(), Login, password));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string StaffUrl() =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000").TrimEnd('/') + "/staff";

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Development: the demo operator signs in at {Url} as {Login} with password {Password} (renewed at every start; never made outside Development).")]
    private partial void LogSignIn(string url, string login, string password);
}
