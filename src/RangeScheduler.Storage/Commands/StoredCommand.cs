namespace RangeScheduler.Storage.Commands;

/// <summary>
/// One command as stored: its <paramref name="Document"/> is opaque here (the server encodes the
/// contract's message); the other fields are what restoring and retention ask by.
/// </summary>
/// <param name="Stage">How far the command got; a save with a higher stage replaces the stored one.</param>
public sealed record StoredCommand(string Id, string RangeId, int Stage, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, byte[] Document)
{
    /// <exception cref="ArgumentException">An empty id or range id, a negative stage, or no document.</exception>
    public void EnsureValid()
    {
        if (string.IsNullOrEmpty(Id))
        {
            throw new ArgumentException("A stored command needs an id.", nameof(Id));
        }
        if (string.IsNullOrEmpty(RangeId))
        {
            throw new ArgumentException($"Command \"{Id}\" needs a range id.", nameof(RangeId));
        }
        if (Stage < 0)
        {
            throw new ArgumentException($"Command \"{Id}\" has a negative stage.", nameof(Stage));
        }
        if (Document is null || Document.Length == 0)
        {
            throw new ArgumentException($"Command \"{Id}\" has no document.", nameof(Document));
        }
    }
}
