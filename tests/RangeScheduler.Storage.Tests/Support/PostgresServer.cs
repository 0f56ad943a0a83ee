using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace RangeScheduler.Storage.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL 15 server with PostGIS, for tests: a fresh cluster in a temporary
/// folder (initdb, run as the <c>postgres</c> user when the tests run as root, since the
/// server refuses root), listening on a free port on 127.0.0.1 only, with its unix socket in
/// that folder, so it never meets a system server on port 5432. PostGIS is created in
/// <c>template1</c>, so every database made with <see cref="CreateDatabaseAsync"/> has it.
/// Disposing stops the server (pg_ctl, then its process id) and deletes the folder.
/// Self-contained: other test projects can copy or link this file.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string PostgisControl = "/usr/share/postgresql/15/extension/postgis.control";
    private const string Superuser = "postgres";

    private readonly string _root;
    private readonly string _data;

    private PostgresServer(string root, int port)
    {
        _root = root;
        _data = Path.Combine(root, "data");
        Port = port;
    }

    public int Port { get; }

    /// <summary>The postmaster's process id, read from its pid file once it is up.</summary>
    public int ProcessId { get; private set; }

    /// <exception cref="InvalidOperationException">PostgreSQL 15 or PostGIS is not installed: tools/test.sh installs both.</exception>
    public static async Task<PostgresServer> StartAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")) || !File.Exists(PostgisControl))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 with PostGIS is not installed ({BinDirectory}/initdb, {PostgisControl}). " +
                "Run tools/test.sh, which installs the Debian packages postgresql and postgresql-15-postgis-3.");
        }
        var root = Directory.CreateTempSubdirectory("rangescheduler-pg-").FullName;
        var server = new PostgresServer(root, FreeLoopbackPort());
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Timeout=15";

    /// <summary>Creates an empty database with PostGIS and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await ExecuteAsync("postgres", $"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    /// <summary>Stops the server at once (in-flight transactions are rolled back); it can then not be reached.</summary>
    public async Task StopAsync()
    {
        if (ProcessId == 0)
        {
            return;
        }
        try
        {
            await RunAsync("pg_ctl", "-D", _data, "-m", "fast", "-w", "-t", "30", "stop");
        }
        catch (InvalidOperationException)
        {
            // pg_ctl could not stop it: end the postmaster and its children by process id.
            try
            {
                using var postmaster = Process.GetProcessById(ProcessId);
                postmaster.Kill(entireProcessTree: true);
                await postmaster.WaitForExitAsync();
            }
            catch (ArgumentException)
            {
                // it had exited already
            }
        }
        ProcessId = 0;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_root, recursive: true);
    }

    private async Task InitializeAsync()
    {
        if (Environment.IsPrivilegedProcess)
        {
            await RunProcessAsync("chown", [Superuser + ":" + Superuser, _root], _root);
        }
        // --no-sync: a throw-away cluster need not survive a power cut while it is made.
        await RunAsync("initdb", "-D", _data, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_root} -c max_connections=200";
        await RunAsync("pg_ctl", "-D", _data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o", options, "start");
        ProcessId = int.Parse(File.ReadLines(Path.Combine(_data, "postmaster.pid")).First());
        await ExecuteAsync("template1", "CREATE EXTENSION postgis");
    }

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a PostgreSQL program as the <c>postgres</c> user when this process is root (runuser), else as itself.</summary>
    private Task RunAsync(string program, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory, program);
        return Environment.IsPrivilegedProcess
            ? RunProcessAsync("runuser", ["-u", Superuser, "--", path, .. arguments], _root)
            : RunProcessAsync(path, arguments, _root);
    }

    /// <exception cref="InvalidOperationException">The program failed or took longer than two minutes; the message holds its output.</exception>
    private static async Task RunProcessAsync(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} took more than two minutes.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
