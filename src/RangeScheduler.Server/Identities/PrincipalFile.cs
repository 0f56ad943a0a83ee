using System.Text.Json;
using System.Text.Json.Serialization;

namespace RangeScheduler.Server.Identities;

/// <summary>
/// Reads the principals file (DESIGN.md, "Identities"): a JSON array of
/// <c>{ "id", "role", "organization", "ranges", "api_key_sha256" }</c>. Reports every problem
/// at once, so that fixing a file takes one round.
/// </summary>
public static class PrincipalFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A misspelt "api_key_sha265" must not silently leave a principal without a key.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<(byte[] KeyHash, Principal Principal)> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PrincipalFileException(path, ["the file does not exist"]);
        }
        Entry?[]? entries;
        try
        {
            entries = JsonSerializer.Deserialize<Entry?[]>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new PrincipalFileException(path, [$"not a JSON array of principals: {e.Message}"], e);
        }
        var problems = new List<string>();
        var result = Validate(entries ?? [], problems);
        return problems.Count == 0 ? result : throw new PrincipalFileException(path, problems);
    }

    private static List<(byte[], Principal)> Validate(Entry?[] entries, List<string> problems)
    {
        if (entries.Length == 0)
        {
            problems.Add("it holds no principals");
        }
        var result = new List<(byte[], Principal)>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            var at = $"principals[{i}]" + (string.IsNullOrEmpty(entry?.Id) ? "" : $" (\"{entry.Id}\")");
            if (entry is null)
            {
                problems.Add($"{at}: null instead of a principal");
                continue;
            }
            var before = problems.Count;
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                problems.Add($"{at}: \"id\" is missing");
            }
            else if (!ids.TryAdd(entry.Id, i))
            {
                problems.Add($"{at}: \"id\" is the same as principals[{ids[entry.Id]}]'s");
            }
            if (!ApiKeyHash.TryParseHex(entry.ApiKeySha256, out var hash))
            {
                problems.Add(entry.ApiKeySha256 is null
                    ? $"{at}: \"api_key_sha256\" is missing"
                    : $"{at}: \"api_key_sha256\" must be 64 hexadecimal digits (the SHA-256 of the key)");
            }
            else if (!hashes.TryAdd(entry.ApiKeySha256!, i))
            {
                problems.Add($"{at}: \"api_key_sha256\" is the same as principals[{hashes[entry.ApiKeySha256!]}]'s: one key, two principals");
            }
            if (!RoleNames.TryParse(entry.Role ?? "", out var role))
            {
                problems.Add(entry.Role is null
                    ? $"{at}: \"role\" is missing"
                    : $"{at}: unknown role \"{entry.Role}\" (expected {string.Join(", ", RoleNames.All)})");
            }
            else if (role is Role.Operator or Role.GroundStation && string.IsNullOrWhiteSpace(entry.Organization))
            {
                problems.Add($"{at}: role \"{entry.Role}\" needs an \"organization\"");
            }
            else if (role is Role.Controller && (entry.Ranges is null || entry.Ranges.Length == 0))
            {
                problems.Add($"{at}: a controller needs \"ranges\", the ids of the ranges it controls");
            }
            if (problems.Count == before)
            {
                var ranges = role is Role.Controller ? entry.Ranges! : [];
                result.Add((hash, new Principal(entry.Id!, role, entry.Organization, ranges)));
            }
        }
        return result;
    }

    private sealed record Entry(string? Id, string? Role, string? Organization, string[]? Ranges, string? ApiKeySha256);
}
