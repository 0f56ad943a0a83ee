using RangeScheduler.Telemetry.Cursors;

namespace RangeScheduler.Telemetry.InProcess;

/// <summary>
/// Remembers the newest trimmed entry of each logical stream, which is all it takes to tell
/// exactly whether everything after a cursor is still in the log: the log loses only its head.
/// </summary>
internal sealed class MemoryRetention
{
    private StreamId _lastTrimmedEvent;
    private StreamId _lastTrimmedBatch;
    private int _lastTrimmedBatchLength;

    public void Trimmed(LogEntry entry)
    {
        if (entry.Event is not null)
        {
            _lastTrimmedEvent = entry.Id;
        }
        else
        {
            _lastTrimmedBatch = entry.Id;
            _lastTrimmedBatchLength = entry.Positions!.Count;
        }
    }

    /// <summary>True when no event and no position the cursor has not seen was trimmed.</summary>
    public bool Covers(BusCursor cursor) =>
        _lastTrimmedEvent <= cursor.Events
        && (_lastTrimmedBatch < cursor.Positions
            || (_lastTrimmedBatch == cursor.Positions && cursor.Offset >= _lastTrimmedBatchLength));
}
