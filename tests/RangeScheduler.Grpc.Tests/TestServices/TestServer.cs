using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Grpc.Server;

namespace RangeScheduler.Grpc.Tests.TestServices;

/// <summary>
/// A real Kestrel server on a free loopback port serving the echo service, health and
/// reflection through our transport, with gzip responses and a 1 MiB receive limit.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public const int MaxReceiveMessageSize = 1024 * 1024;

    private readonly WebApplication _app;

    private TestServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>e.g. http://127.0.0.1:41234</summary>
    public string Address { get; }

    /// <summary>host:port, as non-.NET clients want it.</summary>
    public string Target => new Uri(Address).Authority;

    public IServiceProvider Services => _app.Services;

    public CallLog Log => _app.Services.GetRequiredService<CallLog>();

    /// <param name="configureKestrel">Runs after the gRPC defaults, e.g. to listen with TLS instead.</param>
    public static async Task<TestServer> StartAsync(
        Action<IServiceCollection>? configureServices = null,
        Action<GrpcServerOptions>? configureOptions = null,
        Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>? configureKestrel = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.ConfigureGrpcDefaults();
            configureKestrel?.Invoke(k);
        });
        if (configureKestrel is null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        builder.Services.AddSingleton<CallLog>();
        builder.Services.AddGrpcTransport(o =>
        {
            o.MaxReceiveMessageSize = MaxReceiveMessageSize;
            o.ResponseCompression = "gzip";
            configureOptions?.Invoke(o);
        });
        builder.Services.AddRouting();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrpcService<EchoService>(EchoService.Descriptor);
        app.MapGrpcHealth();
        app.MapGrpcReflection();
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TestServer(app, address);
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    /// <summary>Begins a graceful shutdown and waits for it.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
