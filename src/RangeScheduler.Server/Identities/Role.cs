namespace RangeScheduler.Server.Identities;

/// <summary>What a principal may do (DESIGN.md, "Identities"; the users table).</summary>
public enum Role
{
    /// <summary>A UAV/USV firm: books, changes and cancels its organisation's slots.</summary>
    Operator,

    /// <summary>A range controller: closures, approvals, live monitoring and commands on its ranges.</summary>
    Controller,

    /// <summary>Streams its organisation's vehicle positions; receives alerts and commands.</summary>
    GroundStation,

    /// <summary>Defines ranges and their zones.</summary>
    Admin,
}

/// <summary>The spelling of roles in the principals file and in logs.</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, Role> ByName = new(StringComparer.Ordinal)
    {
        ["operator"] = Role.Operator,
        ["controller"] = Role.Controller,
        ["ground_station"] = Role.GroundStation,
        ["admin"] = Role.Admin,
    };

    /// <summary>Every accepted name, for error messages.</summary>
    public static IEnumerable<string> All => ByName.Keys;

    /// <summary>Reads a role as the principals file spells it; case-sensitive, like the rest of the file.</summary>
    public static bool TryParse(string name, out Role role) => ByName.TryGetValue(name, out role);

    public static string Name(this Role role) => ByName.First(pair => pair.Value == role).Key;
}
