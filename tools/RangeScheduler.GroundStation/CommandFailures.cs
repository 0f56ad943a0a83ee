using RangeScheduler.Grpc;

namespace RangeScheduler.GroundStation;

/// <summary>
/// Turns the failures a user can cause or meet (a bad option, a missing file, a server that
/// refuses or is down) into one line on stderr and exit code 1, instead of a stack trace.
/// Anything else is a bug in the tool and keeps its stack trace.
/// </summary>
internal static class CommandFailures
{
    public static async Task<int> ReportAsync(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            return Fail($"the server answered {e.Status.StatusCode}: {e.Status.Detail}");
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or TimeoutException or UnauthorizedAccessException)
        {
            return Fail(e.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }
}
