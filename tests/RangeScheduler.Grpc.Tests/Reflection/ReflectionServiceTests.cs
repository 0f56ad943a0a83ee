using Google.Protobuf.Reflection;
using RangeScheduler.Grpc.Reflection.V1;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Reflection;

public sealed class ReflectionServiceTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private static readonly Method<ServerReflectionRequest, ServerReflectionResponse> V1 =
        Method<ServerReflectionRequest, ServerReflectionResponse>.FromDescriptor(ReflectionReflection.Descriptor.Services[0].Methods[0]);

    private static readonly Method<ServerReflectionRequest, ServerReflectionResponse> V1Alpha =
        new(MethodType.DuplexStreaming, "grpc.reflection.v1alpha.ServerReflection", "ServerReflectionInfo");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ListServices_NamesEveryMappedService(bool alpha)
    {
        var response = await AskAsync(new ServerReflectionRequest { ListServices = "" }, alpha);
        response.ListServicesResponse.Service.Select(s => s.Name).ShouldBe([
            "rangescheduler.testing.v1.EchoService", "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"]);
    }

    [Theory]
    [InlineData("rangescheduler.testing.v1.EchoService")]
    [InlineData("rangescheduler.testing.v1.EchoService.Chat")]
    [InlineData("rangescheduler.testing.v1.EchoReply")]
    public async Task FileContainingSymbol_ReturnsTheFileThatDeclaresIt(string symbol)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });
        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        file.Name.ShouldBe("echo.proto");
        file.Service.Single().Method.Select(m => m.Name).ShouldBe(["Echo", "Expand", "Collect", "Chat", "Missing"]);
    }

    [Fact]
    public async Task FileByName_ReturnsTheFileThenItsDependencies()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" });
        FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]).Package.ShouldBe("grpc.health.v1");
    }

    [Theory]
    [InlineData("no.such.Symbol")]
    [InlineData("")]
    public async Task UnknownSymbol_ErrorResponseNotFoundAndStreamGoesOn(string symbol)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });
        response.ErrorResponse.ErrorCode.ShouldBe((int)StatusCode.NotFound);
    }

    [Fact]
    public async Task ExtensionQueries_NoExtensionsInProto3()
    {
        var numbers = await AskAsync(new ServerReflectionRequest { AllExtensionNumbersOfType = "rangescheduler.testing.v1.EchoRequest" });
        numbers.AllExtensionNumbersResponse.ExtensionNumber.ShouldBeEmpty();
        var extension = await AskAsync(new ServerReflectionRequest { FileContainingExtension = new ExtensionRequest { ContainingType = "x.Y", ExtensionNumber = 100 } });
        extension.ErrorResponse.ErrorCode.ShouldBe((int)StatusCode.NotFound);
    }

    [Fact]
    public async Task EmptyQuestion_InvalidArgumentErrorResponse()
    {
        var response = await AskAsync(new ServerReflectionRequest { Host = "h" });
        response.ErrorResponse.ErrorCode.ShouldBe((int)StatusCode.InvalidArgument);
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request, bool alpha = false)
    {
        using var channel = fixture.Server.CreateChannel();
        using var call = channel.AsyncDuplexStreamingCall(alpha ? V1Alpha : V1);
        await call.RequestStream.WriteAsync(request);
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();
        var response = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync();
        (await call.ResponseStream.MoveNext(default)).ShouldBeFalse();
        response.OriginalRequest.ShouldBe(request);
        return response;
    }
}
