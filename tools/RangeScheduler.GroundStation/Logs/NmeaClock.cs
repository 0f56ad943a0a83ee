namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// Turns the times of day of successive NMEA sentences into offsets from the first one and,
/// once an RMC has given a date, into UTC times. A time of day more than 12 hours before the
/// previous one is taken to have crossed midnight.
/// </summary>
internal sealed class NmeaClock
{
    private static readonly TimeSpan HalfDay = TimeSpan.FromHours(12);

    private TimeSpan? _lastTimeOfDay;
    private TimeSpan _offset;
    private DateOnly? _date;

    /// <summary>Moves to <paramref name="timeOfDay"/>; <paramref name="date"/> is the sentence's own date, if it has one.</summary>
    public (TimeSpan Offset, DateTimeOffset? Time) Advance(TimeSpan timeOfDay, DateOnly? date)
    {
        if (_lastTimeOfDay is { } last)
        {
            var step = timeOfDay - last;
            if (step < -HalfDay)
            {
                step += TimeSpan.FromDays(1);
                _date = _date?.AddDays(1);
            }
            _offset += step;
        }
        _lastTimeOfDay = timeOfDay;
        if (date is not null)
        {
            _date = date;
        }
        DateTimeOffset? time = _date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + timeOfDay : null;
        return (_offset, time);
    }

    /// <summary>The time the last sentence gave, for sentences without one (AIS) that the same receiver logged.</summary>
    public (TimeSpan Offset, DateTimeOffset? Time)? Current =>
        _lastTimeOfDay is { } t ? (_offset, _date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + t : null) : null;
}
