using Microsoft.Extensions.DependencyInjection;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Server.Housekeeping;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Storage;
using RangeScheduler.Storage.Commands;

namespace RangeScheduler.Server.Tests.Sessions;

/// <summary>The retention job's idempotency and command tasks, on the server's real store: old records go, those still honoured stay.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task IdempotencyKeys_KeptWhileHonouredThenTrimmedPastTheAge()
    {
        await using var server = await RunningServer.StartAsync();
        var request = Requests.Booking("keyed", Requests.Square(0, 0, 300, Requests.Tomorrow(3), TimeSpan.FromHours(1)), idempotencyKey: "retry-me");
        await new BookingServiceClient(server.Channel).CreateBookingAsync(request, Calls.As("ops-oceanalpha"));
        var store = server.Services.GetRequiredService<IBookingStore>();
        var made = DateTimeOffset.UtcNow;

        // A zero age an hour later: the key is still within the idempotency window, so it stays.
        var anHourLater = new FixedTime(made.AddHours(1));
        (await new IdempotencyRetention(store, anHourLater).TrimAsync(anHourLater.GetUtcNow(), CancellationToken.None)).ShouldBe(0);

        var aDayLater = new FixedTime(made.AddHours(25));
        (await new IdempotencyRetention(store, aDayLater).TrimAsync(aDayLater.GetUtcNow(), CancellationToken.None)).ShouldBe(1);
        (await new IdempotencyRetention(store, aDayLater).TrimAsync(aDayLater.GetUtcNow(), CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Commands_ARetentionTask_TrimmedOnceExpiredBeforeTheCutoff()
    {
        await using var server = await RunningServer.StartAsync();
        var retention = server.Services.GetServices<IRetentionTask>().OfType<CommandRetention>().ShouldHaveSingleItem();
        var expires = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        await server.Services.GetRequiredService<ICommandStore>().SaveAsync(
            new StoredCommand("cmd-expired", "range-r", 3, expires.AddMinutes(-5), expires, [1]), CancellationToken.None);

        (await retention.TrimAsync(expires, CancellationToken.None)).ShouldBe(0);
        (await retention.TrimAsync(expires.AddTicks(1), CancellationToken.None)).ShouldBe(1);
    }

    [Fact]
    public async Task RetentionAge_ReadFromConfiguration()
    {
        await using var server = await RunningServer.StartAsync(["--RangeScheduler:Retention:Age=7.00:00:00", "--RangeScheduler:Retention:Interval=00:10:00"]);

        var options = server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RetentionOptions>>().Value;

        options.Age.ShouldBe(TimeSpan.FromDays(7));
        options.Interval.ShouldBe(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task RetentionJob_RunsEveryIntervalFromTheJobStore()
    {
        await using var server = await RunningServer.StartAsync(["--RangeScheduler:Retention:Interval=00:00:01"]);

        var giveUp = DateTime.UtcNow.AddSeconds(15);
        while (!server.Logs.Entries.Any(e => e.Message.Contains("Retention trimmed 0 idempotency keys", StringComparison.Ordinal)) && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(50);
        }

        server.Logs.Entries.ShouldContain(e => e.Message.Contains("Retention trimmed 0 idempotency keys", StringComparison.Ordinal));
    }
}
