namespace CowHealth.Processor.Detection.Rules;

/// <summary>How the fever rule accumulates a cow's excess temperature, in units of her own spread, into evidence.</summary>
public enum FeverStatistic
{
    /// <summary>
    /// Cumulative sum (Page's CUSUM): each hour adds how far the excess lies beyond the reference;
    /// a fever is abnormal once the sum reaches <see cref="FeverSettings.EvidenceSpreadHours"/>.
    /// Evidence builds fast on a large excess and slowly on a small one.
    /// </summary>
    Cusum,

    /// <summary>
    /// Exponentially weighted mean of the excess over <see cref="FeverSettings.EwmaHours"/>; a
    /// fever is abnormal while the mean stands beyond the reference.
    /// </summary>
    Ewma,
}
