using RangeScheduler.Telemetry.Cursors;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// One stream entry as the bus writes it: the encoded body, the instance that wrote it, whether
/// that instance had already delivered it locally during an outage, and (positions) its count.
/// </summary>
internal sealed record StreamEntry(StreamId Id, byte[] Body, string Origin, bool WrittenAfterOutage, int Count);

/// <summary>What XINFO STREAM says about a stream's retention (Redis 7).</summary>
internal sealed record StreamRetention(long Length, long EntriesAdded);
