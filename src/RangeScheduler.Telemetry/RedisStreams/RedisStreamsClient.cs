using StackExchange.Redis;
using RangeScheduler.Telemetry.Cursors;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// Every Redis call of the bus, and the only file that knows StackExchange.Redis 1.2.6
/// (DEPENDENCIES.md: no typed Streams API, so streams go through ExecuteAsync). Blocking reads
/// get their own multiplexer: on the shared one an XREAD BLOCK would hold up every write.
/// Calls issued without awaiting in between are pipelined by the multiplexer.
/// </summary>
internal sealed class RedisStreamsClient : IAsyncDisposable
{
    // Deletes a booking's latest positions (field prefix) and open alerts (value prefix) in one step.
    private const string ForgetScript = """
        local prefix = ARGV[1]
        for _, key in ipairs({KEYS[1], KEYS[2]}) do
          local all = redis.call('HGETALL', key)
          for i = 1, #all, 2 do
            local probe = key == KEYS[1] and all[i] or all[i + 1]
            if string.sub(probe, 1, #prefix) == prefix then redis.call('HDEL', key, all[i]) end
          end
        end
        return 0
        """;

    private readonly ConnectionMultiplexer _interactive;
    private readonly ConnectionMultiplexer _blocking;

    private RedisStreamsClient(ConnectionMultiplexer interactive, ConnectionMultiplexer blocking)
    {
        _interactive = interactive;
        _blocking = blocking;
    }

    /// <summary>Connects both multiplexers; with Redis down it still returns, and they keep reconnecting by themselves.</summary>
    public static RedisStreamsClient Connect(string configuration, TimeSpan blockFor)
    {
        var interactive = ConfigurationOptions.Parse(configuration);
        interactive.AbortOnConnectFail = false;
        interactive.ConnectTimeout = 2_000;
        interactive.SyncTimeout = 5_000;
        var blocking = interactive.Clone();
        blocking.SyncTimeout = (int)blockFor.TotalMilliseconds + 5_000;
        return new RedisStreamsClient(
            ConnectionMultiplexer.Connect(interactive),
            ConnectionMultiplexer.Connect(blocking));
    }

    private IDatabase Database => _interactive.GetDatabase();

    public Task PingAsync() => Database.PingAsync();

    public Task AppendAsync(string key, byte[] body, string origin, bool writtenAfterOutage, int count, int maxLength) =>
        Database.ExecuteAsync("XADD", (RedisKey)key, "MAXLEN", "~", maxLength, "*",
            "b", body, "o", origin, "r", writtenAfterOutage ? 1 : 0, "n", count);

    public Task TrimBeforeAsync(string key, StreamId oldest) =>
        Database.ExecuteAsync("XTRIM", (RedisKey)key, "MINID", "~", oldest.ToString());

    public Task SetFieldsAsync(string key, IEnumerable<KeyValuePair<string, byte[]>> fields) =>
        Database.HashSetAsync(key, fields.Select(f => new HashEntry(f.Key, f.Value)).ToArray());

    public Task DeleteFieldAsync(string key, string field) => Database.HashDeleteAsync(key, field);

    public Task ForgetPrefixAsync(string latestKey, string alertsKey, string prefix) =>
        Database.ScriptEvaluateAsync(ForgetScript, [latestKey, alertsKey], [prefix]);

    public async Task<List<(string Field, byte[] Value)>> ReadHashAsync(string key) =>
        (await Database.HashGetAllAsync(key)).Select(e => ((string)e.Name!, (byte[])e.Value!)).ToList();

    /// <summary>Entries after each (key, id), waiting up to the block time; an empty list when none came.</summary>
    public async Task<List<(string Key, List<StreamEntry> Entries)>> ReadAsync(
        IReadOnlyList<(string Key, StreamId After)> streams, int count, TimeSpan blockFor)
    {
        var args = new List<object> { "COUNT", count, "BLOCK", (long)blockFor.TotalMilliseconds, "STREAMS" };
        args.AddRange(streams.Select(s => (object)(RedisKey)s.Key));
        args.AddRange(streams.Select(s => (object)s.After.ToString()));
        var reply = await _blocking.GetDatabase().ExecuteAsync("XREAD", args.ToArray());
        return reply.IsNull
            ? []
            : ((RedisResult[])reply!).Select(s => ((RedisResult[])s!)).Select(s => ((string)s[0]!, Entries(s[1]))).ToList();
    }

    /// <summary>Entries from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public async Task<List<StreamEntry>> RangeAsync(string key, StreamId from, StreamId to) =>
        Entries(await Database.ExecuteAsync("XRANGE", (RedisKey)key, from.ToString(), to.ToString()));

    /// <summary>The newest entry of the stream, or null when it has none.</summary>
    public async Task<StreamEntry?> LastAsync(string key) =>
        Entries(await Database.ExecuteAsync("XREVRANGE", (RedisKey)key, "+", "-", "COUNT", 1)).FirstOrDefault();

    /// <summary>The stream's retention counters, or null when the stream does not exist.</summary>
    public async Task<StreamRetention?> RetentionAsync(string key)
    {
        if (!await Database.KeyExistsAsync(key))
        {
            return null;
        }
        var info = (RedisResult[])(await Database.ExecuteAsync("XINFO", "STREAM", (RedisKey)key))!;
        var fields = new Dictionary<string, RedisResult>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < info.Length; i += 2)
        {
            fields[(string)info[i]!] = info[i + 1];
        }
        return new StreamRetention((long)fields["length"], (long)fields["entries-added"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _blocking.CloseAsync(allowCommandsToComplete: false);
        await _interactive.CloseAsync(allowCommandsToComplete: true);
        _blocking.Dispose();
        _interactive.Dispose();
    }

    private static List<StreamEntry> Entries(RedisResult reply) =>
        ((RedisResult[])reply!).Select(Entry).ToList();

    private static StreamEntry Entry(RedisResult reply)
    {
        var parts = (RedisResult[])reply!;
        var values = (RedisResult[])parts[1]!;
        var fields = new Dictionary<string, RedisResult>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < values.Length; i += 2)
        {
            fields[(string)values[i]!] = values[i + 1];
        }
        return new StreamEntry(
            StreamId.Parse((string)parts[0]!), (byte[])fields["b"]!, (string)fields["o"]!,
            (string)fields["r"]! == "1", int.Parse((string)fields["n"]!));
    }
}
