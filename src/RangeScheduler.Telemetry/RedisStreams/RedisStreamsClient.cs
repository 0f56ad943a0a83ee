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

    // The next id: Redis's clock in ms, or the range's last id's ms with the next sequence when
    // the clock has not moved past it (the rule XADD * follows for one stream, kept for two).
    private const string AppendScript = """
        local time = redis.call('TIME')
        local ms = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local seq = 0
        local last = redis.call('GET', KEYS[2])
        if last then
          local dash = string.find(last, '-', 1, true)
          local lastMs = tonumber(string.sub(last, 1, dash - 1))
          if lastMs >= ms then
            ms = lastMs
            seq = tonumber(string.sub(last, dash + 1)) + 1
          end
        end
        local id = string.format('%d-%d', ms, seq)
        redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], id, unpack(ARGV, 2))
        redis.call('SET', KEYS[2], id)
        return id
        """;

    // Both streams' newest entries and the three live-state hashes, as one consistent picture.
    private const string ReadStateScript = """
        local function newest(key)
          local entries = redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)
          return entries[1] or false
        end
        return { newest(KEYS[1]), newest(KEYS[2]), redis.call('HGETALL', KEYS[3]),
                 redis.call('HGETALL', KEYS[4]), redis.call('HGETALL', KEYS[5]) }
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

    /// <summary>
    /// Appends an entry to <paramref name="stream"/> with an id from the range's one sequence
    /// (so ids never tie across its two streams and merging by id gives the order in which Redis
    /// took the writes, from every instance), and applies its change to <paramref name="hash"/>.
    /// One transaction, so state and streams never disagree; the hash change is a plain command
    /// in it rather than part of the script, because a script copies each of its arguments into
    /// Lua first, which for a swarm's batch was a few hundred fields every time.
    /// </summary>
    public async Task AppendAsync(
        RedisKeys keys, string stream, StreamEntryWrite entry, string hash,
        IReadOnlyCollection<KeyValuePair<string, byte[]>> set, string? delete, int maxLength)
    {
        var transaction = Database.CreateTransaction();
        RedisValue[] args = [maxLength, "b", entry.Body, "o", entry.Origin, "r", entry.WrittenAfterOutage ? 1 : 0, "n", entry.Count];
        var commands = new List<Task>(3) { transaction.ScriptEvaluateAsync(AppendScript, [stream, keys.LastId], args) };
        if (set.Count > 0)
        {
            var fields = new HashEntry[set.Count];
            var i = 0;
            foreach (var (field, value) in set)
            {
                fields[i++] = new HashEntry(field, value);
            }
            commands.Add(transaction.HashSetAsync(hash, fields));
        }
        if (delete is not null)
        {
            commands.Add(transaction.HashDeleteAsync(hash, delete));
        }
        // The transaction first: a lost connection fails it with a RedisException (an outage to
        // the writer), while its commands' tasks are only cancelled. Then the commands, so that a
        // command Redis refused inside it is not passed over.
        await transaction.ExecuteAsync().ConfigureAwait(false);
        await Task.WhenAll(commands).ConfigureAwait(false);
    }

    /// <summary>The range's newest entries and live-state hashes, read in one step.</summary>
    public async Task<RangeStateRead> ReadStateAsync(RedisKeys keys)
    {
        var reply = (RedisResult[])(await Database.ScriptEvaluateAsync(
            ReadStateScript, [keys.Events, keys.Positions, keys.Latest, keys.Alerts, keys.Commands]))!;
        return new RangeStateRead(
            reply[0].IsNull ? null : Entry(reply[0]), reply[1].IsNull ? null : Entry(reply[1]),
            Pairs(reply[2]), Pairs(reply[3]), Pairs(reply[4]));
    }

    public Task TrimBeforeAsync(string key, StreamId oldest) =>
        Database.ExecuteAsync("XTRIM", (RedisKey)key, "MINID", "~", oldest.ToString());

    private static List<byte[]> Pairs(RedisResult reply)
    {
        var flat = (RedisResult[])reply!;
        return Enumerable.Range(0, flat.Length / 2).Select(i => (byte[])flat[2 * i + 1]!).ToList();
    }

    public Task SetFieldsAsync(string key, IEnumerable<KeyValuePair<string, byte[]>> fields) =>
        Database.HashSetAsync(key, fields.Select(f => new HashEntry(f.Key, f.Value)).ToArray());

    public Task DeleteFieldAsync(string key, string field) => Database.HashDeleteAsync(key, field);

    public Task ForgetPrefixAsync(string latestKey, string alertsKey, string prefix) =>
        Database.ScriptEvaluateAsync(ForgetScript, [latestKey, alertsKey], [prefix]);

    /// <summary>The values of the hash's fields, in their order; null where a field is absent.</summary>
    public async Task<byte[]?[]> ReadFieldsAsync(string key, IEnumerable<string> fields) =>
        [.. (await Database.HashGetAsync(key, [.. fields.Select(f => (RedisValue)f)])).Select(v => v.IsNull ? null : (byte[])v!)];

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

    /// <summary>What the key holds: <c>stream</c>, <c>none</c> when there is no such key, or another type's name.</summary>
    public async Task<string> KeyTypeAsync(string key) => (string)(await Database.ExecuteAsync("TYPE", (RedisKey)key))!;

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
