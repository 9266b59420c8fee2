namespace CowHealth.Gateway.Readings;

/// <summary>How finely a cow's readings come back.</summary>
public enum ReadingResolution
{
    /// <summary>Every reading as her bolus sent it.</summary>
    Raw,

    /// <summary>Minimum, mean and maximum of each measure per hour (UTC).</summary>
    Hourly,

    /// <summary>Minimum, mean and maximum of each measure per day (UTC).</summary>
    Daily,
}
