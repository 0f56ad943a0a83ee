using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Postgres;

// The abstract store tests against PostgreSQL + PostGIS: one throw-away server for the
// collection, one database per test class.

[Collection(PostgresCollection.Name)]
public sealed class PostgresRangeStoreTests(PostgresFixture postgres) : RangeStoreTests
{
    protected override Task<string> ConnectionStringAsync() => postgres.DatabaseFor(GetType());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresBookingStoreTests(PostgresFixture postgres) : BookingStoreTests
{
    protected override Task<string> ConnectionStringAsync() => postgres.DatabaseFor(GetType());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRangeLedgerTests(PostgresFixture postgres) : RangeLedgerTests
{
    protected override Task<string> ConnectionStringAsync() => postgres.DatabaseFor(GetType());
}
