using ChannelBot.Domain.Common;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Tests.Persistence;

public class TicketNumberAllocatorTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private readonly TicketNumberAllocator _allocator = new();

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Fifty_concurrent_allocations_get_fifty_consecutive_numbers(string provider)
    {
        var database = await databases.For(provider);
        const int year = 2031;

        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var ticket = await _allocator.NextAsync(db, "311", year, CancellationToken.None);
            await transaction.CommitAsync();
            return ticket;
        })));

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), numbers.Select(t => t.Sequence).Order());
        Assert.All(numbers, t => Assert.Equal(("311", year), (t.Prefix, t.Year)));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_number_taken_in_a_transaction_that_rolls_back_is_handed_out_again(string provider)
    {
        var database = await databases.For(provider);
        const int year = 2032;
        await using var db = database.CreateContext();
        Assert.Equal("311-2032-000001", (await AllocateAndCommitAsync(db, year)).ToString());

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, (await _allocator.NextAsync(db, "311", year, CancellationToken.None)).Sequence);
            await transaction.RollbackAsync();
        }

        Assert.Equal("311-2032-000002", (await AllocateAndCommitAsync(db, year)).ToString());
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Every_year_starts_at_one(string provider)
    {
        var database = await databases.For(provider);
        await using var db = database.CreateContext();

        await AllocateAndCommitAsync(db, 2033);
        await AllocateAndCommitAsync(db, 2033);
        var nextYear = await AllocateAndCommitAsync(db, 2034);

        Assert.Equal("311-2034-000001", nextYear.ToString());
        Assert.Equal(3, (await db.TicketCounters.AsNoTracking().SingleAsync(c => c.Year == 2033)).Next);
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_bad_prefix_spends_no_number(string provider)
    {
        var database = await databases.For(provider);
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<DomainException>(() => _allocator.NextAsync(db, "3 1 1", 2035, CancellationToken.None));

        Assert.Equal("311-2035-000001", (await AllocateAndCommitAsync(db, 2035)).ToString());
    }

    private async Task<Domain.Cases.TicketNumber> AllocateAndCommitAsync(ChannelBotDbContext db, int year)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ticket = await _allocator.NextAsync(db, "311", year, CancellationToken.None);
        await transaction.CommitAsync();
        return ticket;
    }
}
