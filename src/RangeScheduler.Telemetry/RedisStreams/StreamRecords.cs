using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Cursors;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// One stream entry as the bus writes it: the encoded body, the instance that wrote it, whether
/// that instance had already delivered it locally during an outage, and (positions) its count.
/// </summary>
internal sealed record StreamEntry(StreamId Id, byte[] Body, string Origin, bool WrittenAfterOutage, int Count);

/// <summary>What XINFO STREAM says about a stream's retention (Redis 7).</summary>
internal sealed record StreamRetention(long Length, long EntriesAdded);

/// <summary>The fields of an entry the writer appends.</summary>
internal sealed record StreamEntryWrite(byte[] Body, string Origin, bool WrittenAfterOutage, int Count);

/// <summary>A range's newest entries and the values of its live-state hashes, read together.</summary>
internal sealed record RangeStateRead(StreamEntry? LastEvent, StreamEntry? LastBatch, List<byte[]> Latest, List<byte[]> Alerts, List<byte[]> Commands);

/// <summary>What a publisher hands the writer loop: it is written to Redis, or delivered locally while Redis is down.</summary>
internal abstract record WriteItem(string RangeId);

/// <summary>An alert, command, booking event or closure: one events entry, never dropped.</summary>
internal sealed record ControlWrite(string RangeId, RangeEvent Event) : WriteItem(RangeId);

/// <summary>One ingest batch's accepted positions: one positions entry.</summary>
internal sealed record PositionsWrite(string RangeId, PositionUpdate[] Positions) : WriteItem(RangeId);

/// <summary>A booking ended: its latest positions and open alerts leave the live state.</summary>
internal sealed record ForgetWrite(string RangeId, string BookingId) : WriteItem(RangeId);
