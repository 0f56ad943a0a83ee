namespace RangeScheduler.Storage.Tests.Support;

/// <summary>
/// What the abstract store tests share: <see cref="Storage"/>, opened and migrated on the
/// subclass's database before each test, and more instances on the same database through
/// <see cref="OpenAsync"/> — a second server process, or the same one after a restart.
/// </summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    private readonly List<RangeStorage> _opened = [];

    protected RangeStorage Storage { get; private set; } = null!;

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>The connection string of the database the test class uses; the same on every call.</summary>
    protected abstract Task<string> ConnectionStringAsync();

    /// <summary>Opens and migrates another storage instance on the test's database; disposed after the test.</summary>
    protected async Task<RangeStorage> OpenAsync()
    {
        var storage = RangeStorage.Open(await ConnectionStringAsync());
        _opened.Add(storage);
        await storage.InitializeAsync(None);
        return storage;
    }

    public async Task InitializeAsync() => Storage = await OpenAsync();

    public async Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }
    }
}
