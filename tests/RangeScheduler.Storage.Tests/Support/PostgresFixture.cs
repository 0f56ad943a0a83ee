using System.Collections.Concurrent;

namespace RangeScheduler.Storage.Tests.Support;

/// <summary>
/// One throw-away PostgreSQL server for every test class of <see cref="PostgresCollection"/>,
/// and one database per test class, made on the class's first test. The classes of the
/// collection run one after the other, which also keeps two cores from being shared by
/// several servers' worth of work.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<Type, Lazy<Task<string>>> _databases = new();
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server has not started.");

    /// <summary>The connection string of the test class's own database, created on first use.</summary>
    public Task<string> DatabaseFor(Type testClass) =>
        _databases.GetOrAdd(testClass, type => new Lazy<Task<string>>(() => Server.CreateDatabaseAsync(type.Name.ToLowerInvariant()))).Value;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The test classes that share <see cref="PostgresFixture"/>'s server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
