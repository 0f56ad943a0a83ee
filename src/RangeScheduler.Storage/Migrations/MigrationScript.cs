using System.Reflection;
using System.Text.RegularExpressions;

namespace RangeScheduler.Storage.Migrations;

/// <summary>
/// One numbered schema change, <c>Migrations/&lt;Store&gt;/NNNN_what_it_does.sql</c>, embedded in
/// this assembly. A store applies, in order, those of its scripts that its
/// <c>schema_migrations</c> table does not list yet, each in the transaction that records it.
/// Scripts are never edited once released: a change to the schema is a new script.
/// </summary>
internal sealed partial record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>Every script of the store (<c>"Sqlite"</c> or <c>"Postgres"</c>), by ascending version.</summary>
    public static IReadOnlyList<MigrationScript> For(string store)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = $"migrations/{store}/";
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[prefix.Length..]))
            .OrderBy(script => script.Version)
            .ToList();
        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (scripts.Count == 0 || duplicate is not null)
        {
            throw new InvalidOperationException(scripts.Count == 0
                ? $"No migration scripts for {store} are embedded."
                : $"Two {store} migrations are numbered {duplicate!.Key}.");
        }
        return scripts;
    }

    private static MigrationScript Load(Assembly assembly, string resource, string fileName)
    {
        var match = FileName().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Migration \"{fileName}\" is not named NNNN_name.sql.");
        }
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd());
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
