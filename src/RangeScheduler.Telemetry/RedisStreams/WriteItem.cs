using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>What a publisher hands the writer loop: it is written to Redis, or delivered locally while Redis is down.</summary>
internal abstract record WriteItem(string RangeId);

/// <summary>An alert, command, booking event or closure: one events entry, never dropped.</summary>
internal sealed record ControlWrite(string RangeId, RangeEvent Event) : WriteItem(RangeId);

/// <summary>One ingest batch's accepted positions: one positions entry.</summary>
internal sealed record PositionsWrite(string RangeId, PositionUpdate[] Positions) : WriteItem(RangeId);

/// <summary>A booking ended: its latest positions and open alerts leave the live state.</summary>
internal sealed record ForgetWrite(string RangeId, string BookingId) : WriteItem(RangeId);
