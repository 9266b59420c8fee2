using CowHealth.Contracts;
using Microsoft.Extensions.Options;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// The mark each condition leaves on a cow's readings while it lasts, as a function of how far
/// into the condition a reading falls. Sources for each shape are in docs/simulator.md.
/// </summary>
public sealed class ConditionSignatures(IOptions<ConditionOptions> options)
{
    private static readonly TimeSpan FeverDecline = TimeSpan.FromHours(6);
    private static readonly TimeSpan PeakHalfWidth = TimeSpan.FromHours(1);
    private static readonly TimeSpan HeatRamp = TimeSpan.FromHours(2);
    private static readonly TimeSpan AcidosisRamp = TimeSpan.FromHours(12);
    private static readonly TimeSpan CalvingRestlessness = TimeSpan.FromHours(6);
    private static readonly TimeSpan ThirstRamp = TimeSpan.FromHours(3);

    // A mastitis fever often announces itself with about three short peaks over the days before
    // the temperature stays up; they take this share of the fever's course.
    private const double ProdromeShare = 0.4;
    private const int ProdromalPeaks = 3;

    private readonly ConditionOptions _options = options.Value;

    /// <summary>
    /// Adds what <paramref name="condition"/>, lasting from <paramref name="onset"/> to
    /// <paramref name="end"/>, does to a reading at <paramref name="at"/> (all UTC ticks), shown as strongly
    /// as <paramref name="severity"/> says (in the unit <see cref="ConditionSeverity"/> gives; ignored by
    /// conditions without one). <paramref name="withProdromalPeaks"/> gives a fever short peaks before it settles.
    /// </summary>
    public void Apply(HealthCondition condition, long onset, long end, long at, bool withProdromalPeaks, double severity, ref ConditionEffects effects)
    {
        var elapsed = at - onset;
        var remaining = end - at;
        var duration = end - onset;
        switch (condition)
        {
            case HealthCondition.Fever:
                // The share of the full fever reached now; the symptoms follow the fever's own course.
                var course = withProdromalPeaks ? FeverWithPeaks(elapsed, remaining, duration) : SustainedFever(elapsed, remaining, duration);
                effects.TemperatureShiftCelsius += severity * course;
                // A fever costs energy: cows ruminate less, move less and drink a little less.
                effects.RuminationFactor *= 1 - (0.4 * course);
                effects.ActivityFactor *= 1 - (0.3 * course);
                effects.DrinkingFactor *= 1 - (0.2 * course);
                break;

            case HealthCondition.Heat:
                var heat = Plateau(elapsed, remaining, Math.Min(HeatRamp.Ticks, duration / 4));
                effects.ActivityFactor *= 1 + ((severity - 1) * heat);
                effects.TemperatureShiftCelsius += 0.3 * heat;
                effects.RuminationFactor *= 1 - (0.2 * heat);
                break;

            case HealthCondition.Calving:
                // The drop builds over the first half of the last day and holds until calving.
                effects.TemperatureShiftCelsius -= severity * Math.Min(1, elapsed / (duration / 2.0));
                // In the last hours she gets restless and stops ruminating.
                var labour = Math.Clamp(1 - (remaining / (double)Math.Min(CalvingRestlessness.Ticks, duration)), 0, 1);
                effects.ActivityFactor *= 1 + (0.8 * labour);
                effects.RuminationFactor *= 1 - (0.8 * labour);
                break;

            case HealthCondition.SubacuteRuminalAcidosis:
                var acidosis = Plateau(elapsed, remaining, Math.Min(AcidosisRamp.Ticks, duration / 4));
                effects.RumenPhShift -= severity * acidosis;
                effects.RuminationFactor *= 1 - (0.2 * acidosis);
                // Faster fermentation warms the rumen a little (AlZahal et al. 2008).
                effects.TemperatureShiftCelsius += 0.15 * acidosis;
                break;

            case HealthCondition.LowWaterIntake:
                effects.DrinkingFactor *= severity;
                break;

            case HealthCondition.ExcessiveDrinking:
                // Thirst builds over a few hours and eases off the same way.
                effects.DrinkingFactor *= 1 + ((severity - 1) * Plateau(elapsed, remaining, Math.Min(ThirstRamp.Ticks, duration / 4)));
                break;

            case HealthCondition.SensorOffline:
                effects.SensorOffline = true;
                break;

            case HealthCondition.SensorFault:
                effects.SensorFault = true;
                break;
        }
    }

    /// <summary>The share of the full rise reached: up over the rise time, held, down over the decline.</summary>
    private double SustainedFever(long elapsed, long remaining, long duration)
    {
        var riseTime = Math.Min(TimeSpan.FromHours(_options.FeverRiseHours).Ticks, duration / 3);
        var declineTime = Math.Min(FeverDecline.Ticks, duration / 4);
        return Math.Min(1, elapsed / (double)Math.Max(1, riseTime))
            * Math.Min(1, remaining / (double)Math.Max(1, declineTime));
    }

    private double FeverWithPeaks(long elapsed, long remaining, long duration)
    {
        var prodrome = (long)(duration * ProdromeShare);
        if (elapsed >= prodrome)
        {
            return SustainedFever(elapsed - prodrome, remaining, duration - prodrome);
        }

        // Peaks at 1/6, 3/6 and 5/6 of the prodrome, each a triangle two hours wide.
        var peak = 0.0;
        for (var n = 0; n < ProdromalPeaks; n++)
        {
            var centre = prodrome * ((2 * n) + 1) / (2 * ProdromalPeaks);
            var distance = Math.Abs(elapsed - centre) / (double)PeakHalfWidth.Ticks;
            peak = Math.Max(peak, 1 - distance);
        }

        return 0.8 * peak;
    }

    /// <summary>Rises over <paramref name="ramp"/>, holds at 1, falls over <paramref name="ramp"/> before the end.</summary>
    private static double Plateau(long elapsed, long remaining, long ramp)
    {
        ramp = Math.Max(1, ramp);
        return Math.Min(1, Math.Min(elapsed, remaining) / (double)ramp);
    }
}
