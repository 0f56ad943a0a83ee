using Microsoft.Data.Sqlite;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// IssueCommand stores the command before it answers: when the store refuses it, the caller
/// gets UNAVAILABLE, and the same request sent again once the store takes writes returns the
/// command (docs/telemetry.md, "Commands").
/// </summary>
public sealed class CommandStoreFailureTests
{
    [Fact]
    public async Task StoreRefusesTheCommand_Unavailable_RetryAfterwardsIssuesIt()
    {
        using var data = new TempDirectory();
        await using var server = await ServerProcess.StartAsync(data.SqliteStore);
        var booking = await ActiveSessions.StartAsync(server.Channel, "store refuses", 1000, -3000, "usv-f1", duration: TimeSpan.FromMinutes(10));
        Execute(data.SqliteStore, "CREATE TRIGGER refuse_commands BEFORE INSERT ON commands BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");

        var refused = await Calls.ShouldEndWith(StatusCode.Unavailable, () => IssueAsync(server, booking.Id));
        Execute(data.SqliteStore, "DROP TRIGGER refuse_commands");
        var issued = await IssueAsync(server, booking.Id);

        refused.Status.Detail.ShouldContain("store");
        issued.Status.ShouldBe(CommandStatus.Queued);
        issued.Kind.ShouldBe(CommandKind.Hold);
        (await IssueAsync(server, booking.Id)).Id.ShouldBe(issued.Id, "the retry found the command it issued");
    }

    private static async Task<Command> IssueAsync(ServerProcess server, string bookingId) =>
        await new MonitorServiceClient(server.Channel).IssueCommandAsync(new IssueCommandRequest
        {
            Command = new Command { BookingId = bookingId, Kind = CommandKind.Hold, Message = "hold" },
            RequestId = "hold-store-failure",
        }, Calls.As("ctl-jaakonmeri"));

    private static void Execute(string store, string sql)
    {
        // Not pooled: nothing of the test holds the file once it is done.
        using var connection = new SqliteConnection(store + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
