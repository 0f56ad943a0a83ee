namespace RangeScheduler.Telemetry;

/// <summary>
/// The watcher did not keep up with its range's alerts, commands and booking events (positions
/// coalesce instead). The contract ends such a stream with RESOURCE_EXHAUSTED; the watcher
/// resumes from its last cursor.
/// </summary>
public sealed class RangeWatcherTooSlowException() : Exception("the watcher fell too far behind the range's events");

/// <summary>The bus's store (Redis) cannot be reached for a read; the server answers UNAVAILABLE (DESIGN.md, "Status codes").</summary>
public sealed class RangeBusUnavailableException(string message, Exception innerException) : Exception(message, innerException);
