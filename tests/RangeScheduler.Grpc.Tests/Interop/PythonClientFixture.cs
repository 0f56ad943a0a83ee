using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace RangeScheduler.Grpc.Tests.Interop;

/// <summary>
/// Runs Interop/python/interop_client.py (grpcio, Debian's python3-grpcio) against a server,
/// one case per process. Generates the Python stubs from the repository's protos once per
/// test class, into a temporary directory.
/// </summary>
public sealed class PythonClientFixture : IAsyncLifetime
{
    /// <summary>Debian's interpreter: the python3 first on PATH may be another one, without grpc.</summary>
    private const string Python = "/usr/bin/python3";
    private const string ScriptFolder = "tests/RangeScheduler.Grpc.Tests/Interop/python";
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    private readonly string _scripts = Path.Combine(FindRepositoryRoot(), ScriptFolder);
    private readonly string _stubs = Directory.CreateTempSubdirectory("rangescheduler-interop-").FullName;

    public async Task InitializeAsync()
    {
        var probe = await RunAsync(["-c", "import grpc, google.protobuf"]);
        if (probe.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Python} cannot import grpc and google.protobuf; run tools/test.sh to install " +
                $"python3-grpcio, python3-protobuf, protobuf-compiler and protobuf-compiler-grpc. {probe.Stderr}");
        }

        var generated = await RunAsync([Path.Combine(_scripts, "generate_stubs.py"), "--out", _stubs]);
        if (generated.ExitCode != 0)
        {
            throw new InvalidOperationException($"generate_stubs.py failed ({generated.ExitCode}): {generated.Stderr}");
        }
    }

    /// <summary>
    /// Runs one case of interop_client.py against <paramref name="target"/> (host:port) and
    /// returns what the case printed; fails the test, with the client's message, when the
    /// client reports the server broke the contract.
    /// </summary>
    public async Task<JsonElement> RunCaseAsync(string target, string caseName)
    {
        var result = await RunAsync(
            [Path.Combine(_scripts, "interop_client.py"), "--target", target, "--case", caseName],
            pythonPath: _stubs);
        result.ExitCode.ShouldBe(0, $"interop_client.py --case {caseName}: {result.Stderr}{result.Stdout}");
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.Clone();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_stubs, recursive: true);
        return Task.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        // The tests run from bin/<configuration>/<framework>; the scripts and protos stay in
        // the source tree, so walk up to the checkout that holds them.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ScriptFolder, "interop_client.py")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no directory above {AppContext.BaseDirectory} holds {ScriptFolder}");
    }

    private static async Task<ProcessResult> RunAsync(IEnumerable<string> arguments, string? pythonPath = null)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Failure messages quote non-ASCII status details; the locale of the test host may not be UTF-8.
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        if (pythonPath is not null)
        {
            start.Environment["PYTHONPATH"] = pythonPath;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException($"{Python} not found ({missing.Message}); run tools/test.sh", missing);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(CaseTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return new ProcessResult(-1, await stdout, $"timed out after {CaseTimeout.TotalSeconds} s. {await stderr}");
            }
            return new ProcessResult(process.ExitCode, await stdout, await stderr);
        }
    }

    private sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);
}
