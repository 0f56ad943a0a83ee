using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Server;

namespace RangeScheduler.GroundStation.Tests.Support;

/// <summary>
/// A real Kestrel server on a free loopback port, through the project's own gRPC transport,
/// serving one range, bookings without rules (the ones it was given and any created) and a StreamPositions that acks every
/// batch, sends one command and one alert after the first, and records what it received.
/// It checks nothing a real server checks: it is there to watch the tool's own behaviour.
/// </summary>
internal sealed class FakeRangeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeRangeServer(WebApplication app, string address)
    {
        _app = app;
        Address = new Uri(address);
    }

    public Uri Address { get; }

    public FakeTelemetryService Telemetry => _app.Services.GetRequiredService<FakeTelemetryService>();

    public FakeBookingService Bookings => _app.Services.GetRequiredService<FakeBookingService>();

    public static async Task<FakeRangeServer> StartAsync(params Booking[] bookings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ConfigureGrpcDefaults());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddGrpcTransport();
        builder.Services.AddRouting();
        builder.Services.AddSingleton(new FakeBookingService(bookings));
        builder.Services.AddSingleton<FakeTelemetryService>();
        builder.Services.AddSingleton<FakeRangeService>();
        var app = builder.Build();
        app.MapGrpcService<FakeRangeService>(ContractServices.RangeService);
        app.MapGrpcService<FakeBookingService>(ContractServices.BookingService);
        app.MapGrpcService<FakeTelemetryService>(ContractServices.TelemetryService);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeRangeServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
