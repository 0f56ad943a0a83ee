using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Telemetry;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Storage;
using RangeScheduler.Telemetry;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// What the tests of stored and published commands share: a board, a real SQLite store with
/// its command record, and the in-process bus on a fixed clock, fresh for each test.
/// </summary>
public abstract class CommandTestBase : IAsyncLifetime
{
    protected const string RangeId = "range-commands";
    protected static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();

    protected CommandBoard Board { get; } = new();

    protected IRangeBus Bus { get; } = RangeBuses.Create(null, new RangeBusOptions(), NullLoggerFactory.Instance, new FixedTime(Now));

    protected RangeStorage Storage { get; private set; } = null!;

    protected CommandRecord Record { get; private set; } = null!;

    /// <summary>The store's connection string, to open it again.</summary>
    protected string SqliteStore => _data.SqliteStore;

    public virtual async Task InitializeAsync()
    {
        Storage = RangeStorage.Open(_data.SqliteStore);
        await Storage.InitializeAsync(CancellationToken.None);
        Record = new CommandRecord(Storage.Commands, NullLogger<CommandRecord>.Instance);
    }

    public async Task DisposeAsync()
    {
        await Storage.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>Publishes <paramref name="command"/> at <paramref name="status"/> on the range, as another process would have.</summary>
    protected void PutOnTheBus(Command command, CommandStatus status) =>
        Bus.Publish(RangeId, new RangeEvent { Time = Timestamp.FromDateTimeOffset(Now), Command = WithStatus(command, status) });

    protected async Task<IReadOnlyList<Command>> CommandsOnTheBusAsync() => (await Bus.ReadLiveStateAsync(RangeId, CancellationToken.None)).Commands;

    /// <summary>A HOLD of booking-1 issued ten minutes before <paramref name="at"/> (default <see cref="Now"/>).</summary>
    protected static Command Command(string id, CommandStatus status, TimeSpan expiresIn, DateTimeOffset? at = null) => new()
    {
        Id = id,
        BookingId = "booking-1",
        Kind = CommandKind.Hold,
        Message = "hold",
        IssuedAt = Timestamp.FromDateTimeOffset((at ?? Now).AddMinutes(-10)),
        ExpiresAt = Timestamp.FromDateTimeOffset((at ?? Now) + expiresIn),
        Status = status,
        IssuedBy = "ctl-1",
    };

    protected static Command WithStatus(Command command, CommandStatus status)
    {
        var changed = command.Clone();
        changed.Status = status;
        return changed;
    }
}
