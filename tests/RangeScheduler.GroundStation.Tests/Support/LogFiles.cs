namespace RangeScheduler.GroundStation.Tests.Support;

/// <summary>The real logs of tools/data/telemetry, copied beside the test assembly by the project file.</summary>
internal static class LogFiles
{
    public const string Mavlink = "mavlink-vtol-sitl.tlog";
    public const string NmeaBoat = "nmea-boat-ijsselmeer-2018.log";
    public const string AisWithReceiverClock = "ais-nmea-ijsselmeer-2020.log";
    public const string AisSamples = "ais-sample.aivdm";
    public const string AisAegean = "ais-aegean-sample.nmea";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string[] Lines(string name) => File.ReadAllLines(PathOf(name));

    /// <summary>Lines joined back into a reader, for tests that alter some of them first.</summary>
    public static TextReader Reader(IEnumerable<string> lines) => new StringReader(string.Join("\n", lines));
}
