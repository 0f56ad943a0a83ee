using RangeScheduler.Storage.Postgres;
using RangeScheduler.Storage.Sqlite;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests;

/// <summary>Which store <c>RangeScheduler:Store</c> selects.</summary>
public sealed class RangeStorageTests
{
    [Theory]
    [InlineData("Data Source={0}")]
    [InlineData("data source={0};Cache=Shared")]
    [InlineData("Filename={0}")]
    public async Task Open_SqliteFile_SqliteStorage(string template)
    {
        using var file = new SqliteFile();

        await using var storage = RangeStorage.Open(string.Format(template, file.Path));

        storage.ShouldBeOfType<SqliteStorage>();
        var database = StoreDatabase.Of(string.Format(template, file.Path));
        database.Kind.ShouldBe(StoreKind.Sqlite);
        database.ConnectionString.ShouldContain(Path.GetFullPath(file.Path));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Database=rangescheduler;Username=app")]
    [InlineData("Server=db.example;Database=rangescheduler")]
    public async Task Open_PostgresHost_PostgresStorageWithoutConnecting(string connectionString)
    {
        await using var storage = RangeStorage.Open(connectionString);

        storage.ShouldBeOfType<PostgresStorage>();
        StoreDatabase.Of(connectionString).ShouldBe(new StoreDatabase(StoreKind.Postgres, connectionString));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Endpoint=redis:6379")]
    public void Open_NeitherFileNorHost_ArgumentException(string connectionString) =>
        Should.Throw<ArgumentException>(() => RangeStorage.Open(connectionString)).Message.ShouldContain("RangeScheduler:Store");
}
