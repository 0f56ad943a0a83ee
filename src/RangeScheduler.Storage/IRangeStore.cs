using RangeScheduler.Domain.Ranges;

namespace RangeScheduler.Storage;

/// <summary>Test ranges and their zones, as administrators define them.</summary>
public interface IRangeStore
{
    /// <summary>Every range, ordered by id; empty when there is none.</summary>
    Task<IReadOnlyList<TestRange>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The range, or null when no range has this id.</summary>
    Task<TestRange?> GetAsync(string rangeId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the range when <paramref name="expectedVersion"/> is 0 (AlreadyExistsException
    /// if the id is taken) or replaces it when the stored version equals it
    /// (StaleVersionException otherwise, NotFoundException if there is none). Returns the
    /// range as stored, its version 1 on creation and one more on each replacement.
    /// </summary>
    Task<TestRange> UpsertAsync(TestRange range, long expectedVersion, CancellationToken cancellationToken);
}
