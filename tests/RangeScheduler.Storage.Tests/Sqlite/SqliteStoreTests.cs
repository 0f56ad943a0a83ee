using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Sqlite;

// The abstract store tests against SQLite: one file per test class, in a folder the store creates.

public sealed class SqliteRangeStoreTests(SqliteFile file) : RangeStoreTests, IClassFixture<SqliteFile>
{
    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);
}

public sealed class SqliteBookingStoreTests(SqliteFile file) : BookingStoreTests, IClassFixture<SqliteFile>
{
    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);
}

public sealed class SqliteRangeLedgerTests(SqliteFile file) : RangeLedgerTests, IClassFixture<SqliteFile>
{
    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);
}
