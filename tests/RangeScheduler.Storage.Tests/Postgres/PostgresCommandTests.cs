using RangeScheduler.Storage.Tests.Commands;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCommandStoreTests(PostgresFixture postgres) : CommandStoreTests
{
    protected override Task<string> ConnectionStringAsync() => postgres.DatabaseFor(GetType());
}
