using System.Diagnostics.Tracing;

namespace RangeScheduler.Benchmarks.Support;

/// <summary>
/// Listens to the runtime's garbage-collection events, at verbose level so that the
/// allocation ticks (a sample about every 100 KB allocated) come too: what the benchmarks'
/// GC and allocation reports (<see cref="GcPhases"/>, <see cref="AllocationSampler"/>) read.
/// </summary>
public abstract class RuntimeGcListener : EventListener
{
    protected const int AllocationTickEvent = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    /// <summary>An allocation tick's heap (0 small, 1 large, 2 pinned), the type that crossed the mark and the bytes since the last tick.</summary>
    protected static (int Heap, string Type, long Bytes) Allocation(EventWrittenEventArgs e) =>
        (Convert.ToInt32(Field(e, "AllocationKind")), Field(e, "TypeName") as string ?? "?", Convert.ToInt64(Field(e, "AllocationAmount64")));

    protected static object? Field(EventWrittenEventArgs e, string name) => e.Payload![e.PayloadNames!.IndexOf(name)];

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }
}
