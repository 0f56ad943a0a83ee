namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// Times the AIS position reports of one log. The first report fixes which clock the log has, and
/// the whole log keeps it, so that offsets never jump between clocks:
/// <list type="bullet">
/// <item>receive times on the lines (a tag block's <c>c:</c>, or a USCG trailer's Unix time);
/// a later line without one takes the last time seen;</item>
/// <item>otherwise the last RMC sentence the same receiver logged (NMEA logs with
/// interleaved AIS, such as ais-nmea-ijsselmeer-2020.log);</item>
/// <item>otherwise none: each message is taken to arrive a fixed pacing after the one
/// before (counting every message, position or not), and fixes have no date (<see cref="TrackFix.Time"/> null).</item>
/// </list>
/// Offsets count from the log's first position report.
/// </summary>
internal sealed class AisClock(TimeSpan pacing)
{
    private enum Source
    {
        Unknown,
        LineTimes,
        Receiver,
        Paced,
    }

    private Source _source;
    private DateTimeOffset? _lastLineTime;
    private TimeSpan? _firstRaw;

    /// <param name="lineTime">The message's receive time, if its line carries one.</param>
    /// <param name="receiver">The receiver's clock (offset and time) from its RMC sentences, if any came yet.</param>
    /// <param name="message">How many AIS messages of any type came before this one.</param>
    public (TimeSpan Offset, DateTimeOffset? Time) Stamp(DateTimeOffset? lineTime, (TimeSpan Offset, DateTimeOffset? Time)? receiver, long message)
    {
        if (_source == Source.Unknown)
        {
            _source = lineTime is not null ? Source.LineTimes : receiver is not null ? Source.Receiver : Source.Paced;
        }
        _lastLineTime = lineTime ?? _lastLineTime;
        var (raw, time) = _source switch
        {
            Source.LineTimes => (TimeSpan.FromTicks(_lastLineTime!.Value.UtcTicks), _lastLineTime),
            Source.Receiver => receiver!.Value,
            _ => (pacing * message, (DateTimeOffset?)null),
        };
        _firstRaw ??= raw;
        return (raw - _firstRaw.Value, time);
    }
}
