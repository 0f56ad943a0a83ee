using RangeScheduler.GroundStation.Logs;
using RangeScheduler.GroundStation.Tests.Support;

namespace RangeScheduler.GroundStation.Tests.Logs;

public sealed class AisLogReaderTests
{
    // Type 1 from Kurt Schwehr's dump, checked in ais-sample.aivdm's own comments:
    // UserID 371798000, SOG 12.3, longitude -123.395383333, latitude 48.38163333333, COG 224.
    private const string SchwehrPayload = "15RTgt0PAso;90TKcjM8h6g208CQ";

    private static List<TrackFix> Read(IEnumerable<string> lines) => new AisLogReader().Read(LogFiles.Reader(lines)).ToList();

    private static string Sentence(string body) => $"!{body}*{NmeaSentence.Checksum(body):X2}";

    [Fact]
    public void ReceiverLog_TimedByTheInterleavedRmc()
    {
        var fixes = Read(LogFiles.Lines(LogFiles.AisWithReceiverClock));

        fixes.Count.ShouldBe(141);
        fixes.Select(f => f.VehicleKey).Distinct().Count().ShouldBe(30);
        // !AIVDM,1,1,,B,13aDp<PP000IwSlN?Wm@0?wN2<1T,0*29 follows $GPRMC,213950.00,…,070420
        var first = fixes[0];
        first.VehicleKey.ShouldBe("244660274");
        first.Time.ShouldBe(new DateTimeOffset(2020, 4, 7, 21, 39, 50, TimeSpan.Zero));
        first.Latitude.ShouldBe(52.855395, 1e-9);
        first.Longitude.ShouldBe(5.678283333, 1e-9);
        first.SpeedMetersPerSecond.ShouldBe(0);
        first.HeadingDegrees.ShouldBeNull();  // 511
        first.AltitudeMeters.ShouldBeNull();
        fixes.Select(f => f.Offset).ShouldBeInOrder();
    }

    [Fact]
    public void SampleFile_PositionReportsOfEveryTypeDecodedOthersSkipped()
    {
        var fixes = Read(LogFiles.Lines(LogFiles.AisSamples));

        fixes.Count.ShouldBe(9);
        var first = fixes[0];
        first.VehicleKey.ShouldBe("371798000");
        first.Latitude.ShouldBe(48.38163333333, 1e-9);
        first.Longitude.ShouldBe(-123.395383333, 1e-9);
        first.SpeedMetersPerSecond!.Value.ShouldBe(12.3 * 1852 / 3600, 1e-9);
        first.CourseDegrees.ShouldBe(224);
        first.HeadingDegrees.ShouldBe(215);
    }

    [Fact]
    public void LogWithoutClock_PacedOneSecondPerMessage()
    {
        var fixes = Read(LogFiles.Lines(LogFiles.AisAegean));

        fixes.Count.ShouldBe(758);
        fixes.Select(f => f.VehicleKey).Distinct().Count().ShouldBe(163);
        fixes.ShouldAllBe(f => f.Time == null);
        // !AIVDM,1,1,,A,33P;Tw0tjBQO22:E7dm66DrB20UP,0*2E, a type 3
        fixes[0].Offset.ShouldBe(TimeSpan.Zero);
        fixes[0].VehicleKey.ShouldBe("235070716");
        fixes[0].Latitude.ShouldBe(36.9104333333, 1e-9);
        fixes[0].Longitude.ShouldBe(20.7600083333, 1e-9);
        fixes[0].CourseDegrees.ShouldBe(156.1);
        // The second line is the next message: one pacing step later.
        fixes[1].Offset.ShouldBe(AisLogReader.DefaultPacing);
    }

    [Fact]
    public void BadChecksum_SentenceRejected()
    {
        Read([$"!AIVDM,1,1,,A,{SchwehrPayload},0*4B"]).ShouldBeEmpty();
        Read([$"!AIVDM,1,1,,A,{SchwehrPayload},0*4A"]).ShouldHaveSingleItem();
    }

    [Fact]
    public void TwoFragments_Reassembled()
    {
        var fix = Read([
            Sentence($"AIVDM,2,1,7,B,{SchwehrPayload[..13]},0"),
            Sentence($"AIVDM,2,2,7,B,{SchwehrPayload[13..]},0"),
        ]).ShouldHaveSingleItem();

        fix.VehicleKey.ShouldBe("371798000");
        fix.Latitude.ShouldBe(48.38163333333, 1e-9);
    }

    [Fact]
    public void FragmentMissingOrOutOfOrder_MessageDropped()
    {
        Read([Sentence($"AIVDM,2,2,7,B,{SchwehrPayload[13..]},0")]).ShouldBeEmpty();
        Read([
            Sentence($"AIVDM,3,1,7,B,{SchwehrPayload[..10]},0"),
            Sentence($"AIVDM,3,3,7,B,{SchwehrPayload[20..]},0"),
        ]).ShouldBeEmpty();
    }

    [Fact]
    public void TagBlockTimes_UsedAsTheFixTimes()
    {
        var body = "c:1586295590";
        var tag = $"\\{body}*{NmeaSentence.Checksum(body):X2}\\";
        var later = $"\\c:1586295600*{NmeaSentence.Checksum("c:1586295600"):X2}\\";

        var fixes = Read([tag + $"!AIVDM,1,1,,A,{SchwehrPayload},0*4A", later + $"!AIVDM,1,1,,A,{SchwehrPayload},0*4A"]);

        fixes.Select(f => f.Time).ShouldBe([DateTimeOffset.FromUnixTimeSeconds(1586295590), DateTimeOffset.FromUnixTimeSeconds(1586295600)]);
        fixes.Select(f => f.Offset).ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(10)]);
    }

    [Fact]
    public void ClassBPositionReport_Decoded()
    {
        // Type 18 from ais-sample.aivdm: MMSI 338087471, 40.68454°N, 74.07213166°W, SOG 0.1, COG 79.6.
        var fix = Read(["!AIVDM,1,1,,A,B52K>;h00Fc>jpUlNV@ikwpUoP06,0*4C"]).ShouldHaveSingleItem();

        fix.VehicleKey.ShouldBe("338087471");
        fix.Latitude.ShouldBe(40.68454, 1e-5);
        fix.Longitude.ShouldBe(-74.07213166, 1e-5);
        fix.CourseDegrees.ShouldBe(79.6);
    }
}
