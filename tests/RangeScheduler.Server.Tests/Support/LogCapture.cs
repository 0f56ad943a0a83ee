using System.Collections.Concurrent;

namespace RangeScheduler.Server.Tests.Support;

/// <summary>Keeps every log entry written through it, for asserting on what a component logged.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <summary>A typed logger writing here, for components built by hand.</summary>
    public ILogger<T> For<T>() => new LoggerFactory([this]).CreateLogger<T>();

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId.Name, formatter(state, exception)));
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, string? EventName, string Message);
