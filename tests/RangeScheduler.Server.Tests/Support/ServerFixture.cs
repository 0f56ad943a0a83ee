namespace RangeScheduler.Server.Tests.Support;

/// <summary>One server shared by the tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private RunningServer? _server;

    internal RunningServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
