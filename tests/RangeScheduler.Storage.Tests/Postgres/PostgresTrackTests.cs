using RangeScheduler.Storage.Tests.Support;
using RangeScheduler.Storage.Tests.Tracks;

namespace RangeScheduler.Storage.Tests.Postgres;

// The abstract track tests against PostgreSQL: one database per test class on the collection's server.

[Collection(PostgresCollection.Name)]
public sealed class PostgresTrackStoreTests(PostgresFixture postgres) : TrackStoreTests
{
    protected override Task<string> ConnectionStringAsync() => postgres.DatabaseFor(GetType());

    protected override Task<string> FirstReleaseDatabaseAsync() =>
        FirstReleaseDatabase.PostgresAsync(postgres.Server, $"release1_{Guid.NewGuid():N}");
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresTrackRecorderTests(PostgresFixture postgres) : TrackRecorderTests
{
    protected override Task<string> ConnectionStringAsync() => postgres.DatabaseFor(GetType());
}
