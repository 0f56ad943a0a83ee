namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// Reads AIS position reports (types 1–3 and 18) from !AIVDM / !AIVDO sentences,
/// reassembling multi-sentence messages. AIS reports carry only the second of the minute, so
/// fixes take their time from the log, as <see cref="AisClock"/> describes: receive times on
/// the lines, or the receiver's own RMC sentences, or else a fixed <see cref="Pacing"/>
/// between messages.
/// </summary>
public sealed class AisLogReader(TimeSpan pacing)
{
    /// <summary>One message a second: a busy receiver's order of magnitude.</summary>
    public static readonly TimeSpan DefaultPacing = TimeSpan.FromSeconds(1);

    public AisLogReader() : this(DefaultPacing)
    {
    }

    public TimeSpan Pacing { get; } = pacing;

    public IEnumerable<TrackFix> Read(TextReader log)
    {
        var clock = new NmeaClock();
        var fragments = new AisFragments();
        var times = new AisClock(Pacing);
        long messages = 0;
        while (log.ReadLine() is { } line)
        {
            if (!NmeaSentence.TryParse(line, out var sentence))
            {
                continue;
            }
            if (sentence.Formatter == "RMC")
            {
                AdvanceClock(clock, sentence.Fields);
                continue;
            }
            if (sentence.Formatter is not ("VDM" or "VDO") || !fragments.TryComplete(sentence, out var bits, out var tagTime))
            {
                continue;
            }
            // Every message counts for pacing, position report or not: it took air time.
            if (AisPositionReport.TryDecode(bits, out var fix))
            {
                var (offset, time) = times.Stamp(tagTime, clock.Current, messages);
                yield return fix with { Offset = offset, Time = time };
            }
            messages++;
        }
    }

    private static void AdvanceClock(NmeaClock clock, string[] f)
    {
        if (f.Length >= 10 && f[2] == "A" && NmeaFields.TryTimeOfDay(f[1], out var timeOfDay) && NmeaFields.TryDate(f[9], out var date))
        {
            clock.Advance(timeOfDay, date);
        }
    }
}
