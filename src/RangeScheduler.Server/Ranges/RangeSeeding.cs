using RangeScheduler.Domain.Validation;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Ranges;

/// <summary>
/// At start-up, before the server listens: stores each shipped range the store does not
/// have yet (a range an administrator has since changed is left as it is), then builds the
/// in-memory book of every range (DESIGN.md: "The in-memory spatial-temporal index is
/// rebuilt from it at start-up").
/// </summary>
public sealed class RangeSeeding(SeedRangeCatalogue seeds, IRangeStore ranges, RangeDesk desk, ILogger<RangeSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var seed in seeds.Ranges)
        {
            if (await ranges.GetAsync(seed.Id, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }
            var range = RangeMapping.ToDomain(seed, $"seeds/ranges/{seed.Id}.json");
            RangeValidator.Validate(range, $"seeds/ranges/{seed.Id}.json");
            await ranges.UpsertAsync(range with { Version = 0 }, 0, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Stored seeded range {RangeId}", seed.Id);
        }
        await desk.LoadAllAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
