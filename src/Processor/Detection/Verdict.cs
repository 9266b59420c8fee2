namespace CowHealth.Processor.Detection;

/// <summary>What one rule makes of one reading.</summary>
internal enum VerdictKind : byte
{
    /// <summary>The reading says nothing here: masked by a drink, no pH bolus, baseline still warming up.</summary>
    Unknown,

    /// <summary>Beyond the threshold: extends (or starts) the run towards detection.</summary>
    Abnormal,

    /// <summary>Between the threshold and the clearing threshold: neither builds nor clears.</summary>
    Borderline,

    /// <summary>On the clear side of the clearing threshold: counts towards clearing.</summary>
    Clear,
}

/// <summary>A rule's verdict on a reading, with the value it judged and the cow's normal for it.</summary>
/// <param name="Detail">A rule-specific reason code kept for the evidence (e.g. which value a sensor fault is about).</param>
internal readonly record struct Verdict(VerdictKind Kind, double Observed, double Baseline, byte Detail = 0)
{
    public static Verdict Unknown => default;

    /// <summary>Abnormal when <paramref name="abnormal"/>; otherwise clear when <paramref name="clear"/>, else borderline.</summary>
    public static Verdict Of(bool abnormal, bool clear, double observed, double baseline, byte detail = 0) =>
        new(abnormal ? VerdictKind.Abnormal : clear ? VerdictKind.Clear : VerdictKind.Borderline, observed, baseline, detail);
}
