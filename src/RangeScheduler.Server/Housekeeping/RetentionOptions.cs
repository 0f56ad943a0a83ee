namespace RangeScheduler.Server.Housekeeping;

/// <summary>The <c>RangeScheduler:Retention</c> section: how long finished data is kept, and how often it is trimmed.</summary>
public sealed class RetentionOptions
{
    public const string Section = "RangeScheduler:Retention";

    /// <summary>Records older than this are trimmed.</summary>
    public TimeSpan Age { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the retention job runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
