using RangeScheduler.Server.Bookings;
using RangeScheduler.Server.Ranges;

namespace RangeScheduler.Server.Hosting;

/// <summary>The booking engine's parts: the ranges' in-memory books, the commands and queries behind the services, booking events.</summary>
public static class BookingEngineRegistration
{
    /// <summary>
    /// Registers the engine, and seeding at start-up. Call after the storage is added: hosted
    /// services start in the order they are added, and seeding needs the migrated store.
    /// </summary>
    public static IServiceCollection AddBookingEngine(this IServiceCollection services)
    {
        services.AddSingleton<RangeDesk>();
        services.AddSingleton<BookingEventHub>();
        services.AddSingleton<BookingCommands>();
        services.AddSingleton<BookingStateCommands>();
        services.AddSingleton<BookingQueries>();
        services.AddSingleton<BookingWatch>();
        services.AddSingleton<RangeCommands>();
        services.AddSingleton<ClosureCommands>();
        services.AddHostedService<RangeSeeding>();
        return services;
    }
}
