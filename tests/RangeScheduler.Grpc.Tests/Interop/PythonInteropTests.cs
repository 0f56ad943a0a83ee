using System.Text.Json;
using RangeScheduler.Grpc.Tests.TestServices;
using Xunit.Abstractions;

namespace RangeScheduler.Grpc.Tests.Interop;

/// <summary>
/// The transport against an independent gRPC implementation: grpcio (C core) calling the
/// echo service (Protos/echo.proto) hosted in-process. interop_client.py checks each case
/// against the contract; the tests here check again the values it reports.
/// </summary>
public sealed class PythonInteropTests(TestServerFixture server, PythonClientFixture python, ITestOutputHelper output)
    : IClassFixture<TestServerFixture>, IClassFixture<PythonClientFixture>
{
    private const string EchoService = "rangescheduler.testing.v1.EchoService";
    private static readonly byte[] BinaryMetadata = [0x00, 0xff, 0xfe, 0x80, (byte)'b', (byte)'i', (byte)'n'];

    [Fact]
    public async Task PythonUnaryEcho_ReturnsTextAndPayload()
    {
        var result = await RunAsync("unary");

        result.GetProperty("text").GetString().ShouldBe("hello");
        result.GetProperty("payload_length").GetInt32().ShouldBe(256);
    }

    [Fact]
    public async Task PythonServerStreaming_ReturnsCountRepliesInOrder()
    {
        var result = await RunAsync("server-streaming");

        Strings(result.GetProperty("texts")).ShouldBe(["x-0", "x-1", "x-2", "x-3", "x-4"]);
        result.GetProperty("indexes").EnumerateArray().Select(i => i.GetInt32()).ShouldBe([0, 1, 2, 3, 4]);
    }

    [Fact]
    public async Task PythonServerStreamingThenError_RepliesArriveBeforeStatus()
    {
        var result = await RunAsync("server-streaming-error");

        Strings(result.GetProperty("texts")).ShouldBe(["y-0", "y-1"]);
        result.GetProperty("code").GetString().ShouldBe("FAILED_PRECONDITION");
        result.GetProperty("details").GetString().ShouldBe("stopped after two");
    }

    [Fact]
    public async Task PythonClientStreaming_CountsAndJoinsTexts()
    {
        var result = await RunAsync("client-streaming");

        result.GetProperty("count").GetInt32().ShouldBe(10);
        result.GetProperty("joined").GetString().ShouldBe("c0,c1,c2,c3,c4,c5,c6,c7,c8,c9");
    }

    [Fact]
    public async Task PythonBidiChat_AnswersEachMessageBeforeTheNextIsSent()
    {
        var result = await RunAsync("bidi");

        result.GetProperty("replies").GetInt32().ShouldBe(100);
        result.GetProperty("first").GetString().ShouldBe("chat-0");
        result.GetProperty("last").GetString().ShouldBe("chat-99");
        result.GetProperty("last_index").GetInt32().ShouldBe(99);
    }

    [Fact]
    public async Task PythonErrorWithNonAsciiMessage_StatusAndMessageRoundTripExactly()
    {
        var result = await RunAsync("error-status");

        result.GetProperty("code").GetString().ShouldBe("INVALID_ARGUMENT");
        result.GetProperty("details").GetString().ShouldBe("Höhe außerhalb des Bereichs — 高度超出范围 ✈");
    }

    [Fact]
    public async Task PythonDeadlineShorterThanHandler_DeadlineExceededWithinOneSecond()
    {
        var result = await RunAsync("deadline");

        result.GetProperty("code").GetString().ShouldBe("DEADLINE_EXCEEDED");
        result.GetProperty("elapsed_ms").GetInt32().ShouldBeInRange(150, 999);
        result.GetProperty("deadline_ms_left_without_timeout").GetInt64().ShouldBe(0);
        // grpcio rounds the time left up to 10 ms units, measured on a clock it caches, so the
        // server may be told a little more than 5 s.
        result.GetProperty("deadline_ms_left_of_5s").GetInt64().ShouldBeInRange(4000, 5100);
    }

    [Fact]
    public async Task PythonMetadata_SeenByHandlerAndEchoedAsHeadersAndTrailers()
    {
        var result = await RunAsync("metadata");

        var seen = Strings(result.GetProperty("seen_metadata"));
        seen.ShouldContain("x-text=interop-value");
        seen.ShouldNotContain(entry => entry.StartsWith("ignored-key", StringComparison.Ordinal));
        var binary = seen.Where(entry => entry.StartsWith("x-data-bin=", StringComparison.Ordinal)).ShouldHaveSingleItem();
        FromBase64AnyPadding(binary["x-data-bin=".Length..]).ShouldBe(BinaryMetadata);

        var hex = Convert.ToHexStringLower(BinaryMetadata);
        var initial = result.GetProperty("initial_metadata");
        initial.GetProperty("x-text").GetString().ShouldBe("interop-value");
        initial.GetProperty("x-data-bin").GetString().ShouldBe(hex);
        var trailing = result.GetProperty("trailing_metadata");
        trailing.GetProperty("x-text-trailer").GetString().ShouldBe("interop-value");
        trailing.GetProperty("x-data-trailer-bin").GetString().ShouldBe(hex);
    }

    [Fact]
    public async Task PythonGzipBothWays_PayloadShrinksOnTheWireEachWay()
    {
        await using var relay = new ByteCountingRelay(server.Address);

        var result = await python.RunCaseAsync(relay.Target, "gzip");
        output.WriteLine($"{result}; on the wire: {relay.BytesToServer} bytes to the server, {relay.BytesToClient} to the client");

        var payloadLength = result.GetProperty("payload_length").GetInt32();
        payloadLength.ShouldBe(524_286);
        // The payload repeats one phrase, which gzip turns into a few KiB; uncompressed,
        // each way would carry at least the whole payload.
        relay.BytesToServer.ShouldBeInRange(1, payloadLength / 8);
        relay.BytesToClient.ShouldBeInRange(1, payloadLength / 8);
    }

    [Fact]
    public async Task PythonMessageOverOneMebibyte_ResourceExhaustedAndConnectionStaysUsable()
    {
        var result = await RunAsync("message-too-large");

        result.GetProperty("code").GetString().ShouldBe("RESOURCE_EXHAUSTED");
        result.GetProperty("next_call_text").GetString().ShouldBe("after");
    }

    [Fact]
    public async Task PythonUnknownMethodOrService_Unimplemented()
    {
        var result = await RunAsync("unimplemented");

        var codes = result.GetProperty("codes");
        codes.GetProperty("Missing").GetString().ShouldBe("UNIMPLEMENTED");
        codes.GetProperty($"/{EchoService}/NoSuchMethod").GetString().ShouldBe("UNIMPLEMENTED");
        codes.GetProperty("/no.such.Service/Call").GetString().ShouldBe("UNIMPLEMENTED");
    }

    [Fact]
    public async Task PythonReflectionV1_ListsServicesAndDescribesEchoService() =>
        ShouldDescribeEchoService(await RunAsync("reflection-v1"));

    [Fact]
    public async Task PythonReflectionV1Alpha_ListsServicesAndDescribesEchoService() =>
        ShouldDescribeEchoService(await RunAsync("reflection-v1alpha"));

    [Fact]
    public async Task PythonHealthCheck_ServingAndNotFoundForUnknownService()
    {
        var result = await RunAsync("health");

        result.GetProperty("status").GetString().ShouldBe("SERVING");
        result.GetProperty("unknown_service_code").GetString().ShouldBe("NOT_FOUND");
    }

    private async Task<JsonElement> RunAsync(string caseName)
    {
        var result = await python.RunCaseAsync(server.Server.Target, caseName);
        output.WriteLine(result.ToString());
        return result;
    }

    private static void ShouldDescribeEchoService(JsonElement result)
    {
        var services = Strings(result.GetProperty("services"));
        services.ShouldContain(EchoService);
        services.ShouldContain("grpc.health.v1.Health");
        services.ShouldContain("grpc.reflection.v1.ServerReflection");
        services.ShouldContain("grpc.reflection.v1alpha.ServerReflection");

        result.GetProperty("package").GetString().ShouldBe("rangescheduler.testing.v1");
        var methods = result.GetProperty("methods");
        methods.EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["Chat", "Collect", "Echo", "Expand", "Missing"]);
        var chat = methods.GetProperty("Chat");
        chat.GetProperty("client_streaming").GetBoolean().ShouldBeTrue();
        chat.GetProperty("server_streaming").GetBoolean().ShouldBeTrue();
        var echo = methods.GetProperty("Echo");
        echo.GetProperty("input").GetString().ShouldBe(".rangescheduler.testing.v1.EchoRequest");
        echo.GetProperty("output").GetString().ShouldBe(".rangescheduler.testing.v1.EchoReply");
        methods.GetProperty("Collect").GetProperty("output").GetString().ShouldBe(".rangescheduler.testing.v1.EchoSummary");
        // NOT_FOUND, carried as a code in the reflection response; the call itself stays OK.
        result.GetProperty("unknown_symbol_error_code").GetInt32().ShouldBe(5);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];

    private static byte[] FromBase64AnyPadding(string text) =>
        Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
}
