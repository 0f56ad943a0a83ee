using System.Runtime.CompilerServices;

namespace RangeScheduler.Grpc.Client;

/// <summary>What every call shape offers besides its messages.</summary>
public abstract class AsyncCallBase : IDisposable
{
    private protected AsyncCallBase(IClientCallState state) => State = state;

    private protected IClientCallState State { get; }

    /// <summary>The response headers, once they arrive.</summary>
    public Task<Metadata> ResponseHeadersAsync => State.ResponseHeadersAsync;

    /// <summary>The call's status; only once the call has ended.</summary>
    public Status GetStatus() => State.GetStatus();

    /// <summary>The call's trailers; only once the call has ended.</summary>
    public Metadata GetTrailers() => State.GetTrailers();

    /// <summary>Cancels the call if it is still running and frees its resources.</summary>
    public void Dispose() => State.Dispose();
}

/// <summary>A call in flight with one response.</summary>
public sealed class AsyncUnaryCall<TResponse> : AsyncCallBase
{
    internal AsyncUnaryCall(IClientCallState state, Task<TResponse> response) : base(state) => ResponseAsync = response;

    public Task<TResponse> ResponseAsync { get; }

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}

/// <summary>A call in flight with a stream of responses.</summary>
public sealed class AsyncServerStreamingCall<TResponse> : AsyncCallBase
{
    internal AsyncServerStreamingCall(IClientCallState state, IAsyncStreamReader<TResponse> responses) : base(state) => ResponseStream = responses;

    public IAsyncStreamReader<TResponse> ResponseStream { get; }
}

/// <summary>A call in flight with a stream of requests and one response.</summary>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : AsyncCallBase
{
    internal AsyncClientStreamingCall(IClientCallState state, IClientStreamWriter<TRequest> requests, Task<TResponse> response) : base(state)
    {
        RequestStream = requests;
        ResponseAsync = response;
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public Task<TResponse> ResponseAsync { get; }

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}

/// <summary>A call in flight with a stream each way.</summary>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : AsyncCallBase
{
    internal AsyncDuplexStreamingCall(IClientCallState state, IClientStreamWriter<TRequest> requests, IAsyncStreamReader<TResponse> responses) : base(state)
    {
        RequestStream = requests;
        ResponseStream = responses;
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }
}

/// <summary>The state a call's public wrapper reads.</summary>
internal interface IClientCallState : IDisposable
{
    Task<Metadata> ResponseHeadersAsync { get; }

    Status GetStatus();

    Metadata GetTrailers();
}
