using RangeScheduler.Grpc.Health.V1;
using ServingStatus = RangeScheduler.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace RangeScheduler.Grpc.Health;

/// <summary>
/// The serving status of the server ("") and of each service, as grpc.health.v1 reports it.
/// Mapped services start SERVING; the host's code may set NOT_SERVING while a dependency
/// is down, and everything turns NOT_SERVING when the host begins to stop.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly object _lock = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new() { [""] = ServingStatus.Serving };
    private readonly List<(string Service, Action<ServingStatus> OnChange)> _watchers = new();

    public void SetStatus(string service, ServingStatus status)
    {
        List<Action<ServingStatus>> notify;
        lock (_lock)
        {
            if (_statuses.TryGetValue(service, out var current) && current == status)
            {
                return;
            }
            _statuses[service] = status;
            notify = _watchers.Where(w => w.Service == service).Select(w => w.OnChange).ToList();
        }
        notify.ForEach(n => n(status));
    }

    /// <summary>False when the service is not known to the server.</summary>
    public bool TryGetStatus(string service, out ServingStatus status)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out status);
        }
    }

    /// <summary>Tells <paramref name="onChange"/> the current status at once (SERVICE_UNKNOWN if none), then every change, until disposed.</summary>
    public IDisposable Watch(string service, Action<ServingStatus> onChange)
    {
        var watcher = (service, onChange);
        ServingStatus current;
        lock (_lock)
        {
            _watchers.Add(watcher);
            current = _statuses.TryGetValue(service, out var known) ? known : ServingStatus.ServiceUnknown;
        }
        onChange(current);
        return new Unsubscriber(() =>
        {
            lock (_lock)
            {
                _watchers.Remove(watcher);
            }
        });
    }

    /// <summary>Every known service, and the server as a whole, stops serving.</summary>
    public void SetAllNotServing()
    {
        foreach (var service in KnownServices())
        {
            SetStatus(service, ServingStatus.NotServing);
        }
    }

    internal void MarkServing(string service) => SetStatus(service, ServingStatus.Serving);

    private List<string> KnownServices()
    {
        lock (_lock)
        {
            return _statuses.Keys.ToList();
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
