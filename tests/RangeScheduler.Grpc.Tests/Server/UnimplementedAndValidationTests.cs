using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

public sealed class UnimplementedAndValidationTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    [Fact]
    public async Task MethodTheHandlerLacks_Unimplemented()
    {
        using var channel = fixture.Server.CreateChannel();
        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Missing, new EchoRequest()));
        e.StatusCode.ShouldBe(StatusCode.Unimplemented);
        e.Status.Detail.ShouldContain("Missing");
    }

    [Fact]
    public async Task UnknownService_Unimplemented()
    {
        using var channel = fixture.Server.CreateChannel();
        var method = new Method<EchoRequest, EchoReply>(MethodType.Unary, "rangescheduler.testing.v1.NoSuchService", "Echo");
        (await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(method, new EchoRequest())))
            .StatusCode.ShouldBe(StatusCode.Unimplemented);
    }

    [Fact]
    public async Task NonGrpcRequestToUnknownPath_NotFound()
    {
        var response = await RawHttp2.PostAsync(fixture.Server.Address, "/index.html", [], contentType: "text/plain");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongContentType_UnsupportedMediaTypeWithGrpcStatus()
    {
        var response = await RawHttp2.PostAsync(fixture.Server.Address, EchoMethods.Echo.FullName, RawHttp2.Frame(new EchoRequest()), contentType: "application/json");
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Header("grpc-status").ShouldBe(((int)StatusCode.Internal).ToString());
    }

    [Theory]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc; charset=utf-8")]
    public async Task GrpcContentTypeVariants_Accepted(string contentType)
    {
        var response = await RawHttp2.PostAsync(fixture.Server.Address, EchoMethods.Echo.FullName, RawHttp2.Frame(new EchoRequest { Text = "v" }), contentType);
        response.Trailer("grpc-status").ShouldBe("0");
    }

    [Fact]
    public async Task Http11Request_UpgradeRequiredWithGrpcStatus()
    {
        await using var server = await TestServer.StartAsync(configureKestrel: k =>
            k.Listen(IPAddress.Loopback, 0, endpoint => endpoint.Protocols = HttpProtocols.Http1));
        using var client = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(server.Address), EchoMethods.Echo.FullName))
        {
            Content = new ByteArrayContent(RawHttp2.Frame(new EchoRequest())),
            Version = HttpVersion.Version11,
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.UpgradeRequired);
        response.Headers.GetValues("grpc-status").Single().ShouldBe(((int)StatusCode.Internal).ToString());
    }

    [Fact]
    public async Task InvalidTimeoutHeader_IgnoredAndCallServed()
    {
        var response = await RawHttp2.PostAsync(fixture.Server.Address, EchoMethods.Echo.FullName,
            RawHttp2.Frame(new EchoRequest { Text = "t" }), headers: ("grpc-timeout", "soon"));
        response.Trailer("grpc-status").ShouldBe("0");
    }

    [Fact]
    public async Task ServerUnreachable_Unavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = RangeScheduler.Grpc.Client.GrpcChannel.ForAddress($"http://127.0.0.1:{closedPort}");

        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest()));
        e.StatusCode.ShouldBe(StatusCode.Unavailable);
    }
}
