using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace RangeScheduler.Benchmarks.Support;

/// <summary>
/// The real server (<see cref="BenchmarkHost"/>) in a process of its own: this benchmark's
/// executable run as <c>serve</c>, as a server runs in the field, apart from the load that
/// drives it. So its CPU and memory are its own, and its collections pause only it.
/// Not the Server tests' <c>ServerProcess</c>, which runs <c>RangeScheduler.Server.dll</c> itself:
/// a server's heap and GC pauses can be read only from inside it, so the child here is this
/// executable hosting the same server (<see cref="BenchmarkHost"/>, wired as Program.cs) and
/// reporting them.
/// <para>
/// The two sides speak through the child's standard streams: it writes <c>listening</c> with
/// its address once, then every second <c>gc</c> with its total GC pause, collections and heap
/// size; every other line (its warnings, <c>RANGESCHEDULER_BENCH_GC</c> reports) is shown with a
/// prefix. Closing its standard input stops it.
/// </para>
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const string ListeningLine = "listening ";
    private const string GcLine = "gc ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private GcReport _gc = new(TimeSpan.Zero, 0, 0);

    private ServerProcess(Process process) => _process = process;

    /// <summary>The server's collections so far, as of its last report (at most a second old).</summary>
    public GcReport Gc => Volatile.Read(ref _gc);

    /// <summary>Starts the server with <paramref name="settings"/> (command-line configuration) and waits until it listens.</summary>
    public static async Task<(ServerProcess Server, Uri Address)> StartAsync(IEnumerable<string> settings, TextWriter output)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own executable is unknown.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        // The collector as the server ships (the web SDK's defaults: server GC, background
        // collections), not as this executable is built for the other benchmarks (non-concurrent).
        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_gcConcurrent"] = "1";
        // Under `dotnet X.dll` the executable is the host, which needs the assembly first.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }
        start.ArgumentList.Add("serve");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, line) => server.Read(line.Data, output);
        process.ErrorDataReceived += (_, line) => Show(line.Data, output);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = await Task.WhenAny(server._listening.Task, process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (started != server._listening.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException("The server process exited or did not listen within " + StartTimeout.TotalSeconds + " s; its output is above.");
        }
        return (server, await server._listening.Task);
    }

    /// <summary>The child's side: serves until its standard input closes.</summary>
    public static async Task ServeAsync(IReadOnlyList<string> settings, TextWriter output)
    {
        using var collections = GcPhases.StartIfAsked(output);
        // Warnings only: a Redis outage or a dropped track chunk during a run explains its numbers
        // (a filter of the console provider's own, which the server's logging configuration does not override).
        await using var host = await BenchmarkHost.StartAsync(settings, logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddFilter<ConsoleLoggerProvider>((_, level) => level >= LogLevel.Warning));
        output.WriteLine(ListeningLine + host.Address);
        using var stop = new CancellationTokenSource();
        var reports = ReportCollectionsAsync(output, stop.Token);
        await Console.In.ReadToEndAsync();
        await stop.CancelAsync();
        await reports;
    }

    /// <summary>CPU time and working set of the server process now.</summary>
    public (TimeSpan Cpu, long WorkingSetBytes) Usage()
    {
        _process.Refresh();
        return (_process.TotalProcessorTime, _process.WorkingSet64);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    private static async Task ReportCollectionsAsync(TextWriter output, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{GcLine}{GC.GetTotalPauseDuration().Ticks} {GC.CollectionCount(0)} {GC.GetGCMemoryInfo().HeapSizeBytes}"));
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private static void Show(string? line, TextWriter output)
    {
        if (line is not null)
        {
            output.WriteLine("  server: " + line);
        }
    }

    private void Read(string? line, TextWriter output)
    {
        if (line is null)
        {
            return;
        }
        if (line.StartsWith(ListeningLine, StringComparison.Ordinal))
        {
            _listening.TrySetResult(new Uri(line[ListeningLine.Length..]));
        }
        else if (line.StartsWith(GcLine, StringComparison.Ordinal) && line[GcLine.Length..].Split(' ') is [var pause, var collections, var heap])
        {
            Volatile.Write(ref _gc, new GcReport(
                TimeSpan.FromTicks(long.Parse(pause, CultureInfo.InvariantCulture)),
                int.Parse(collections, CultureInfo.InvariantCulture),
                long.Parse(heap, CultureInfo.InvariantCulture)));
        }
        else
        {
            Show(line, output);
        }
    }
}

/// <summary>A process's garbage collections so far: total pause, gen0 collections (every collection counts one) and heap size after the last.</summary>
internal sealed record GcReport(TimeSpan Pause, int Collections, long HeapBytes);
