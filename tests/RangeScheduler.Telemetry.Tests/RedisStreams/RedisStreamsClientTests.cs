using RangeScheduler.Telemetry.RedisStreams;
using RangeScheduler.Telemetry.Tests.Support;
using StackExchange.Redis;

namespace RangeScheduler.Telemetry.Tests.RedisStreams;

/// <summary>
/// An entry's append and its live-state change, which go to Redis as one transaction of the
/// append script and plain hash commands.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisStreamsClientTests(RedisFixture redis) : IAsyncLifetime
{
    private readonly RedisKeys _keys = RedisKeys.For("range-" + Guid.NewGuid().ToString("N")[..8]);
    private RedisStreamsClient? _client;

    private RedisStreamsClient Client => _client ?? throw new InvalidOperationException("not connected");

    public Task InitializeAsync()
    {
        _client = RedisStreamsClient.Connect(redis.Server.Configuration, TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Client.DisposeAsync();

    [Fact]
    public async Task Append_WritesTheEntryAndSetsAndDeletesHashFieldsTogether()
    {
        await Client.AppendAsync(_keys, _keys.Positions, Entry([1, 2]), _keys.Latest, [Field("bk\nv1", [7]), Field("bk\nv2", [8])], null, 100);
        await Client.AppendAsync(_keys, _keys.Positions, Entry([3]), _keys.Latest, [Field("bk\nv3", [9])], "bk\nv1", 100);

        var last = await Client.LastAsync(_keys.Positions);
        last.ShouldNotBeNull();
        last.Body.ShouldBe(new byte[] { 3 });
        last.Origin.ShouldBe("east");
        (await Client.ReadHashAsync(_keys.Latest)).OrderBy(f => f.Field, StringComparer.Ordinal)
            .Select(f => (f.Field, f.Value[0])).ShouldBe([("bk\nv2", (byte)8), ("bk\nv3", (byte)9)]);
    }

    [Fact]
    public async Task Append_WhenRedisRefusesTheLiveStateChange_FailsWithARedisException()
    {
        using (var other = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration))
        {
            await other.GetDatabase().StringSetAsync(_keys.Latest, "not a hash");
        }

        var refused = await Should.ThrowAsync<RedisServerException>(
            () => Client.AppendAsync(_keys, _keys.Positions, Entry([1]), _keys.Latest, [Field("bk\nv1", [7])], null, 100));

        refused.Message.ShouldContain("WRONGTYPE");
    }

    private static StreamEntryWrite Entry(byte[] body) => new(body, "east", WrittenAfterOutage: false, Count: 1);

    private static KeyValuePair<string, byte[]> Field(string name, byte[] value) => KeyValuePair.Create(name, value);
}
