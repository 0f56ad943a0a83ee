using RangeScheduler.GroundStation.Logs;
using RangeScheduler.GroundStation.Tests.Support;

namespace RangeScheduler.GroundStation.Tests.Logs;

public sealed class MavlinkLogReaderTests
{
    // The first GLOBAL_POSITION_INT record of the log, at byte 372:
    // 000572ed02b6eec0 | fe 1c 05 01 01 21 | 46490900 3009ecea 70c3e858 4af80800 5e1a0000 44ff 0600 0000 d536 | 450e
    private const int FirstPositionRecord = 372;

    private static List<TrackFix> Read(byte[] bytes) => new MavlinkLogReader().Read(new MemoryStream(bytes)).ToList();

    [Fact]
    public void RealLog_EveryGlobalPositionIntWithAValidCrcDecoded()
    {
        var fixes = Read(LogFiles.Bytes(LogFiles.Mavlink));

        // Counted independently over the raw records; the data README's 806 misses one.
        fixes.Count.ShouldBe(807);
        fixes.ShouldAllBe(f => f.VehicleKey == "1" && f.Source == LogKind.Mavlink);
        fixes[^1].Offset.TotalSeconds.ShouldBeInRange(200, 215);
    }

    [Fact]
    public void RealLog_FirstFixMatchesItsRawBytes()
    {
        var first = Read(LogFiles.Bytes(LogFiles.Mavlink))[0];

        first.Offset.ShouldBe(TimeSpan.Zero);
        first.Time.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1_533_737_161_912));  // 0x000572ed02b6eec0 µs
        first.Latitude.ShouldBe(-35.3629904, 1e-9);   // 0xeaec0930
        first.Longitude.ShouldBe(149.1649392, 1e-9);  // 0x58e8c370
        first.AltitudeMeters!.Value.ShouldBe(587.85, 1e-9);  // 0x0008f84a mm
        first.SpeedMetersPerSecond!.Value.ShouldBe(Math.Sqrt(1.88 * 1.88 + 0.06 * 0.06), 1e-9);  // vx -188, vy 6 cm/s
        first.CourseDegrees!.Value.ShouldBe(180 - Math.Atan2(0.06, 1.88) * 180 / Math.PI, 1e-9);
        first.HeadingDegrees!.Value.ShouldBe(140.37, 1e-9);  // 0x36d5 cdeg
    }

    [Fact]
    public void PayloadByteFlipped_CrcFailsAndTheFixIsRejected()
    {
        var bytes = LogFiles.Bytes(LogFiles.Mavlink);
        bytes[FirstPositionRecord + 8 + 6 + 4] ^= 0x01;  // lowest byte of lat

        var fixes = Read(bytes);

        fixes.Count.ShouldBe(806);
        fixes[0].Time.ShouldNotBe(DateTimeOffset.FromUnixTimeMilliseconds(1_533_737_161_912));
    }

    [Fact]
    public void JunkBytesBetweenRecords_SkippedAndEveryFixStillFound()
    {
        var log = LogFiles.Bytes(LogFiles.Mavlink);
        var junk = new byte[] { 0xFE, 0x00, 0x13, 0x37, 0xFD, 0xFF, 0x00 };
        var bytes = junk.Concat(log[..FirstPositionRecord]).Concat(junk).Concat(log[FirstPositionRecord..]).Concat(junk).ToArray();

        Read(bytes).Count.ShouldBe(807);
    }

    [Fact]
    public void V2FrameWithTrailingZerosTruncated_ZeroFilled()
    {
        // lat 1e-7 × 473977420, lon 85455940, alt 500 m; velocities and heading zero, so
        // MAVLink 2 cuts the payload after alt.
        var payload = new byte[20];
        BitConverter.TryWriteBytes(payload.AsSpan(4), 473_977_420);
        BitConverter.TryWriteBytes(payload.AsSpan(8), 85_455_940);
        BitConverter.TryWriteBytes(payload.AsSpan(12), 500_000);
        var frame = new List<byte> { 0xFD, (byte)payload.Length, 0, 0, 7, 42, 1, 33, 0, 0 };
        frame.AddRange(payload);
        var crc = MavlinkCrc.Compute(frame.ToArray().AsSpan(1), 104);
        frame.Add((byte)crc);
        frame.Add((byte)(crc >> 8));
        var timestamp = BitConverter.GetBytes(1_700_000_000_000_000UL).Reverse();

        var fix = Read(timestamp.Concat(frame).ToArray()).ShouldHaveSingleItem();

        fix.VehicleKey.ShouldBe("42");
        fix.Latitude.ShouldBe(47.397742, 1e-9);
        fix.Longitude.ShouldBe(8.545594, 1e-9);
        fix.AltitudeMeters.ShouldBe(500);
        fix.SpeedMetersPerSecond.ShouldBe(0);
        fix.CourseDegrees.ShouldBeNull();
        fix.HeadingDegrees.ShouldBe(0);
        fix.Time.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    }
}
