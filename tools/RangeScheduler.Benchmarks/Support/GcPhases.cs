using System.Diagnostics.Tracing;

namespace RangeScheduler.Benchmarks.Support;

/// <summary>
/// One line per garbage collection, from the runtime's own GC events: its generation and
/// reason, how long suspending, collecting and restarting took, and how many bytes it marked
/// from each kind of root. Gen0 bytes marked through "older" are young objects reachable only
/// from older ones (what a buffer or queue kept for seconds costs every collection). Before
/// each gen2 line it names what was allocated on the large and pinned object heaps since the
/// last gen2, because using up their budgets is what sets off a blocking gen2. Started when
/// <c>RANGESCHEDULER_BENCH_GC=1</c> is set.
/// </summary>
public sealed class GcPhases : RuntimeGcListener
{
    private const int GcStart = 1;
    private const int GcEnd = 2;
    private const int RestartEnd = 3;
    private const int SuspendEnd = 8;
    private const int SuspendBegin = 9;
    private const int MarkWithType = 202;
    private static readonly string[] RootKinds = ["stack", "finalizer queue", "handles", "older", "sized refs", "overflow"];

    private readonly object _lock = new();
    private readonly TextWriter _output;
    private readonly long[] _marked = new long[RootKinds.Length];
    private readonly Dictionary<string, long> _largeAndPinned = new(StringComparer.Ordinal);
    private DateTime _suspendBegin, _suspendEnd, _start, _end;
    private int _generation, _reason;

    private GcPhases(TextWriter output) => _output = output;

    public static GcPhases? StartIfAsked(TextWriter output) =>
        Environment.GetEnvironmentVariable("RANGESCHEDULER_BENCH_GC") == "1" ? new GcPhases(output) : null;

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.Payload is null || e.PayloadNames is null)
        {
            return;
        }
        lock (_lock)
        {
            switch (e.EventId)
            {
                case SuspendBegin:
                    _suspendBegin = e.TimeStamp;
                    Array.Clear(_marked);
                    break;
                case SuspendEnd:
                    _suspendEnd = e.TimeStamp;
                    break;
                case GcStart:
                    _start = e.TimeStamp;
                    _generation = Convert.ToInt32(Field(e, "Depth"));
                    _reason = Convert.ToInt32(Field(e, "Reason"));
                    break;
                case GcEnd:
                    _end = e.TimeStamp;
                    break;
                case MarkWithType when Convert.ToInt32(Field(e, "Type")) is var kind && kind < _marked.Length:
                    _marked[kind] += Convert.ToInt64(Field(e, "Bytes"));
                    break;
                case AllocationTickEvent when Allocation(e) is { Heap: not 0 } allocation:
                    var type = (allocation.Heap == 1 ? "large " : "pinned ") + allocation.Type;
                    _largeAndPinned[type] = _largeAndPinned.GetValueOrDefault(type) + allocation.Bytes;
                    break;
                case RestartEnd:
                    Report(e.TimeStamp);
                    break;
            }
        }
    }

    private void Report(DateTime restarted)
    {
        if (_generation == 2)
        {
            _output.WriteLine("  large/pinned allocations since the last gen2: " + string.Join(", ",
                _largeAndPinned.OrderByDescending(a => a.Value).Take(4).Select(a => $"{a.Key} {a.Value / 1e6:0.0} MB")));
            _largeAndPinned.Clear();
        }
        var marked = string.Join(", ", RootKinds.Select((kind, i) => (kind, bytes: _marked[i])).Where(m => m.bytes > 0).Select(m => $"{m.kind} {m.bytes / 1e6:0.0}"));
        _output.WriteLine($"  GC gen{_generation} (reason {_reason}): suspend {(_suspendEnd - _suspendBegin).TotalMilliseconds:0.0} ms, collect {(_end - _start).TotalMilliseconds:0.0} ms, restart {(restarted - _end).TotalMilliseconds:0.0} ms; MB marked from {marked}");
    }
}
