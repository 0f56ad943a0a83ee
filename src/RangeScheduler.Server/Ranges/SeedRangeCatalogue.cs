using Google.Protobuf;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Ranges;

/// <summary>
/// The ranges shipped in <c>seeds/ranges/*.json</c> (proto3 JSON of <see cref="TestRange"/>,
/// one file per range, written by <c>tools/seeds/convert_ranges.py</c>), read once at
/// start-up. Read-only: ranges become editable with the range store.
/// </summary>
public sealed class SeedRangeCatalogue
{
    private readonly Dictionary<string, TestRange> _byId;

    private SeedRangeCatalogue(IEnumerable<TestRange> ranges)
    {
        Ranges = ranges.OrderBy(range => range.Id, StringComparer.Ordinal).ToArray();
        _byId = Ranges.ToDictionary(range => range.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// Ordered by id (ordinal). The messages are shared by every call: callers send them
    /// as they are and must not change them.
    /// </summary>
    public IReadOnlyList<TestRange> Ranges { get; }

    /// <summary>The range with this id, or null.</summary>
    public TestRange? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Reads every <c>*.json</c> file of the folder. Throws <see cref="InvalidDataException"/>
    /// naming the file for a file that does not parse, a range without an id, an id that is
    /// not the file's name, or a folder without ranges: the server does not start without its ranges.
    /// </summary>
    public static SeedRangeCatalogue Load(string directory)
    {
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json") : [];
        if (files.Length == 0)
        {
            throw new InvalidDataException($"No seed ranges (*.json) in '{directory}'.");
        }
        return new SeedRangeCatalogue(files.Select(Read));
    }

    private static TestRange Read(string file)
    {
        TestRange range;
        try
        {
            range = JsonParser.Default.Parse<TestRange>(File.ReadAllText(file));
        }
        catch (Exception e) when (e is InvalidJsonException or InvalidProtocolBufferException)
        {
            throw new InvalidDataException($"Seed range '{file}' is not a rangescheduler.v1.TestRange in proto3 JSON: {e.Message}", e);
        }
        // The file name is the id, so two files cannot hold the same range.
        var expected = Path.GetFileNameWithoutExtension(file);
        return range.Id == expected
            ? range
            : throw new InvalidDataException($"Seed range '{file}' has id \"{range.Id}\"; it must be \"{expected}\", the file's name.");
    }
}
