using RangeScheduler.GroundStation.Logs;
using RangeScheduler.GroundStation.Tests.Support;

namespace RangeScheduler.GroundStation.Tests.Logs;

public sealed class NmeaLogReaderTests
{
    private static List<TrackFix> Read(IEnumerable<string> lines) => new NmeaLogReader().Read(LogFiles.Reader(lines)).ToList();

    [Fact]
    public void RealLog_OneFixPerEpochOfGgaAndRmc()
    {
        var fixes = Read(LogFiles.Lines(LogFiles.NmeaBoat));

        // 148 distinct times of day among the log's 138 GGA and 146 RMC sentences.
        fixes.Count.ShouldBe(148);
        fixes.ShouldAllBe(f => f.VehicleKey == "1" && f.Source == LogKind.Nmea);
        fixes.Select(f => f.Offset).ShouldBeInOrder();
    }

    [Fact]
    public void RealLog_GgaBeforeAnyRmc_HasNoDate()
    {
        // $GPGGA,094736,5251.0094,N,00518.8172,E,1,12,0.60,-4,M,46.8,M,,*4B
        var first = Read(LogFiles.Lines(LogFiles.NmeaBoat))[0];

        first.Time.ShouldBeNull();
        first.Offset.ShouldBe(TimeSpan.Zero);
        first.Latitude.ShouldBe(52 + 51.0094 / 60, 1e-12);
        first.Longitude.ShouldBe(5 + 18.8172 / 60, 1e-12);
        first.AltitudeMeters.ShouldBe(-4);
        first.SpeedMetersPerSecond.ShouldBeNull();
    }

    [Fact]
    public void RealLog_RmcAndGgaOfOneEpoch_MergedWithRmcDate()
    {
        // $GPRMC,094737,A,5251.0093,N,00518.8170,E,5.6,230.5,200818,1.4,E,A*1F
        // $GPGGA,094737,5251.0085,N,00518.8151,E,1,12,0.60,-4,M,46.8,M,,*4B
        var second = Read(LogFiles.Lines(LogFiles.NmeaBoat))[1];

        second.Time.ShouldBe(new DateTimeOffset(2018, 8, 20, 9, 47, 37, TimeSpan.Zero));
        second.Offset.ShouldBe(TimeSpan.FromSeconds(1));
        second.Latitude.ShouldBe(52 + 51.0093 / 60, 1e-12);
        second.Longitude.ShouldBe(5 + 18.8170 / 60, 1e-12);
        second.AltitudeMeters.ShouldBe(-4);
        second.SpeedMetersPerSecond!.Value.ShouldBe(5.6 * 1852 / 3600, 1e-9);
        second.CourseDegrees.ShouldBe(230.5);
    }

    [Fact]
    public void BadChecksums_SentencesSkipped()
    {
        var lines = LogFiles.Lines(LogFiles.NmeaBoat)
            .Select(l => l.StartsWith("$GPRMC,094737", StringComparison.Ordinal) ? l.Replace("*1F", "*1E", StringComparison.Ordinal) : l)
            .Select(l => l.StartsWith("$GPGGA,094737", StringComparison.Ordinal) ? l.Replace("5251.0085", "5251.0086", StringComparison.Ordinal) : l);

        var fixes = Read(lines);

        fixes.Count.ShouldBe(147);
        fixes[1].Offset.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("$GNRMC,235959.50,A,3723.2475,S,12158.3416,W,0.0,,311299,,,A*6A", -37.387458, -121.972360, "1999-12-31T23:59:59.5Z")]
    [InlineData("$GPRMC,000001,A,4807.038,N,01131.000,E,022.4,084.4,010100,003.1,W*69", 48.1173, 11.516667, "2000-01-01T00:00:01Z")]
    public void OtherTalkersAndHemispheres_Read(string sentence, double latitude, double longitude, string time)
    {
        var fix = Read([sentence]).ShouldHaveSingleItem();

        fix.Latitude.ShouldBe(latitude, 1e-6);
        fix.Longitude.ShouldBe(longitude, 1e-6);
        fix.Time.ShouldBe(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void VoidRmcAndGgaWithoutFix_Skipped()
    {
        Read([
            "$GPRMC,123519,V,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*7D",
            "$GPGGA,123520,4807.038,N,01131.000,E,0,00,,,M,,M,,*58",
        ]).ShouldBeEmpty();
    }
}
