using System.Buffers;
using System.Runtime.ExceptionServices;
using Google.Protobuf;

namespace RangeScheduler.Grpc.Protocol;

/// <summary>
/// Frames messages into a pending buffer and sends that buffer from a single pump task, so
/// that a burst of small messages leaves as a few large HTTP/2 DATA frames instead of one
/// frame (and one flush) each. Writers wait only when more than the high-water mark is
/// queued, which is the stream's back-pressure.
/// </summary>
internal sealed class CoalescingMessageWriter
{
    private readonly object _lock = new();
    private readonly Func<ReadOnlyMemory<byte>, ValueTask> _send;
    private readonly int _highWaterBytes;
    private ArrayBufferWriter<byte> _pending = new(16 * 1024);
    private ArrayBufferWriter<byte> _spare = new(16 * 1024);
    private Task _pump = Task.CompletedTask;
    private bool _pumping;
    private TaskCompletionSource? _room;
    private Exception? _failure;

    /// <param name="send">Writes one batch to the network and flushes it.</param>
    /// <param name="highWaterBytes">Queued bytes beyond which writers wait for the pump.</param>
    public CoalescingMessageWriter(Func<ReadOnlyMemory<byte>, ValueTask> send, int highWaterBytes = 256 * 1024)
    {
        _send = send;
        _highWaterBytes = highWaterBytes;
    }

    /// <summary>Serializes and queues one message; the task completes when there is room for more.</summary>
    public Task WriteAsync(IMessage message, bool compress, int? maxSize)
    {
        lock (_lock)
        {
            if (_failure is not null)
            {
                return Task.FromException(_failure);
            }
            try
            {
                MessageFraming.Write(_pending, message, compress, maxSize);
            }
            catch (RpcException e)
            {
                return Task.FromException(e);
            }
            if (!_pumping)
            {
                _pumping = true;
                // The pump starts on another thread so that writes made meanwhile join its first batch.
                _pump = Task.Run(PumpAsync);
            }
            if (_pending.WrittenCount < _highWaterBytes)
            {
                return Task.CompletedTask;
            }
            _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _room.Task;
        }
    }

    /// <summary>Completes when everything queued so far has been sent; faults if sending failed.</summary>
    public async Task DrainAsync()
    {
        Task pump;
        lock (_lock)
        {
            pump = _pump;
        }
        await pump.ConfigureAwait(false);
        lock (_lock)
        {
            if (_failure is not null)
            {
                ExceptionDispatchInfo.Throw(_failure);
            }
        }
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            ArrayBufferWriter<byte> batch;
            TaskCompletionSource? room;
            lock (_lock)
            {
                if (_pending.WrittenCount == 0)
                {
                    _pumping = false;
                    return;
                }
                batch = _pending;
                _pending = _spare;
                _spare = batch;
                room = _room;
                _room = null;
            }
            room?.TrySetResult();
            try
            {
                await _send(batch.WrittenMemory).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Writers and DrainAsync see the failure; the pump itself ends quietly.
                Fail(e);
                return;
            }
            batch.ResetWrittenCount();
        }
    }

    private void Fail(Exception e)
    {
        TaskCompletionSource? room;
        lock (_lock)
        {
            _failure = e;
            _pumping = false;
            room = _room;
            _room = null;
        }
        room?.TrySetException(e);
    }
}
