namespace RangeScheduler.Server.Identities;

/// <summary>
/// An authenticated caller. Its API key is not part of it: only the catalogue knows the
/// key hashes, so a principal can be logged and handed to any handler.
/// </summary>
/// <param name="Id">Unique in the principals file, e.g. <c>ops-oceanalpha</c>; logged with every call.</param>
/// <param name="Organization">The firm whose bookings an operator or ground station acts on; always set for those two roles, null when the file gives none.</param>
/// <param name="Ranges">The ranges a controller acts on; empty for every other role.</param>
public sealed record Principal(string Id, Role Role, string? Organization, IReadOnlyList<string> Ranges);
