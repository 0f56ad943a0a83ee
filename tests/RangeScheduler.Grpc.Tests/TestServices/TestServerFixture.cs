namespace RangeScheduler.Grpc.Tests.TestServices;

/// <summary>One <see cref="TestServer"/> shared by the tests of a class.</summary>
public sealed class TestServerFixture : IAsyncLifetime
{
    private TestServer? _server;

    public TestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>e.g. http://127.0.0.1:41234</summary>
    public Uri Address => new(Server.Address);

    /// <summary>Starts the server and makes one call, so that tests with short deadlines do not pay for the first call's JIT compilation.</summary>
    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        using var channel = _server.CreateChannel();
        await channel.AsyncUnaryCall(EchoMethods.Echo, new Echo.EchoRequest { Text = "warm-up" });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
