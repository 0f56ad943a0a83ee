using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RangeScheduler.Storage.Tracks;

/// <summary>
/// Between the ingest path and the <see cref="ITrackStore"/>: <see cref="Record"/> queues a
/// chunk without waiting, and one background loop appends what is queued in large batches,
/// one transaction each. When the queue is full, chunks are refused rather than ingest slowed:
/// the caller counts and logs them. A batch whose append fails is logged and counted in
/// <see cref="Lost"/>, not retried: a PostgreSQL commit cut off may have happened, and a retry
/// would store it twice. Dispose it before the storage it writes to.
/// </summary>
public sealed partial class TrackRecorder : IAsyncDisposable
{
    private readonly ITrackStore _store;
    private readonly TrackRecorderOptions _options;
    private readonly ILogger _logger;
    // Unbounded, with the bound kept by _pending, so that flush markers never count against it
    // nor wait for room: a marker must follow every chunk recorded before it, in one order.
    private readonly Channel<Queued> _queue = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private long _pending;
    private long _lost;
    private Exception? _failureSinceFlush;

    /// <exception cref="ArgumentOutOfRangeException">An option is not positive.</exception>
    public TrackRecorder(ITrackStore store, TrackRecorderOptions? options = null, ILogger<TrackRecorder>? logger = null)
    {
        _store = store;
        _options = options ?? new TrackRecorderOptions();
        _options.EnsureValid();
        _logger = logger ?? NullLogger<TrackRecorder>.Instance;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Chunks whose append failed, since the recorder was made.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>
    /// Queues the chunk for the next batch; never waits. False when the queue holds
    /// <see cref="TrackRecorderOptions.Capacity"/> chunks not yet durable, or the recorder is
    /// disposed: the chunk is not stored. Safe to call from any number of threads.
    /// </summary>
    /// <exception cref="ArgumentException">The chunk is malformed (see <see cref="TrackChunk"/>).</exception>
    public bool Record(TrackChunk chunk)
    {
        chunk.EnsureValid();
        if (Interlocked.Increment(ref _pending) > _options.Capacity || !_queue.Writer.TryWrite(new Queued(chunk, null)))
        {
            Interlocked.Decrement(ref _pending);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Completes when every chunk recorded before the call is durable. The cancellation token
    /// stops only the wait.
    /// </summary>
    /// <exception cref="StoreUnavailableException">A chunk recorded since the previous flush could not be stored (each failure is reported to one flush).</exception>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Once disposal has begun, the loop's end is when everything queued is written.
        return _queue.Writer.TryWrite(new Queued(null, flushed))
            ? flushed.Task.WaitAsync(cancellationToken)
            : _loop.WaitAsync(cancellationToken);
    }

    /// <summary>Refuses further chunks and returns once everything recorded has been appended.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<TrackChunk>(_options.MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // Markers read here come after every chunk of this batch or an earlier one, so
            // they are answered once this batch is appended.
            while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var queued))
            {
                if (queued.Chunk is { } chunk)
                {
                    batch.Add(chunk);
                }
                else
                {
                    flushes.Add(queued.Flushed!);
                }
            }
            if (batch.Count > 0)
            {
                await AppendAsync(batch).ConfigureAwait(false);
                Interlocked.Add(ref _pending, -batch.Count);
                batch.Clear();
            }
            if (flushes.Count > 0)
            {
                Answer(flushes);
                flushes.Clear();
            }
        }
    }

    private async Task AppendAsync(List<TrackChunk> batch)
    {
        try
        {
            // Not cancellable: disposal waits for what was recorded to be written.
            await _store.AppendAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Interlocked.Add(ref _lost, batch.Count);
            _failureSinceFlush = e;
            LogAppendFailed(batch.Count, e);
        }
    }

    private void Answer(List<TaskCompletionSource> flushes)
    {
        var failure = _failureSinceFlush;
        _failureSinceFlush = null;
        foreach (var flushed in flushes)
        {
            if (failure is null)
            {
                flushed.TrySetResult();
            }
            else
            {
                flushed.TrySetException(failure as StoreUnavailableException
                    ?? new StoreUnavailableException($"Storing track chunks failed: {failure.Message}", failure));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} track chunks failed; they are lost")]
    private partial void LogAppendFailed(int count, Exception exception);

    /// <summary>A chunk, or a flush marker (<see cref="Flushed"/> set) answered once the chunks before it are durable.</summary>
    private readonly record struct Queued(TrackChunk? Chunk, TaskCompletionSource? Flushed);
}

/// <summary>How much <see cref="TrackRecorder"/> holds and how much it writes at once.</summary>
/// <param name="Capacity">
/// Chunks recorded and not yet durable, the batch being written included, beyond which
/// <see cref="TrackRecorder.Record"/> refuses more. At 100,000 fixes/s in chunks of about 100
/// reports, the default is half a minute of ingest (about 120 MB at 40 bytes a report): time
/// for a slow disk or a database fail-over, without letting a dead one use up the memory.
/// </param>
/// <param name="MaxBatch">
/// Chunks appended in one transaction at most. With SQLite a booking commit may wait for one
/// batch to be written: with the recorder writing flat out, batches of 500 chunks of 100
/// reports put booking latency's 99th percentile at 90–170 ms on the project's machine, 250 at
/// 30–85 ms (11–60 ms with no track writes), for as many chunks a second (docs/storage.md, "Tracks").
/// </param>
public sealed record TrackRecorderOptions(int Capacity = 30_000, int MaxBatch = 250)
{
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive.</exception>
    internal void EnsureValid()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBatch);
    }
}
