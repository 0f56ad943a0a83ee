namespace RangeScheduler.Grpc;

/// <summary>Reads the messages of a stream one at a time, as Grpc.Core's interface of the same name.</summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message read by the last <see cref="MoveNext"/> that returned true.</summary>
    T Current { get; }

    /// <summary>Advances to the next message; false at the end of the stream.</summary>
    Task<bool> MoveNext(CancellationToken cancellationToken);
}

/// <summary>Reading a whole stream with <c>await foreach</c>.</summary>
public static class AsyncStreamReaderExtensions
{
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        this IAsyncStreamReader<T> reader,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.Current;
        }
    }
}
