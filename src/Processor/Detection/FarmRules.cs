using CowHealth.Processor.Detection.Baselines;
using CowHealth.Processor.Detection.Rules;

namespace CowHealth.Processor.Detection;

/// <summary>One farm's settings turned into rules and the numbers the hot path uses; shared by all its cows.</summary>
internal sealed class FarmRules
{
    public FarmRules(DetectionSettings settings)
    {
        ExcessiveDrinking = new ExcessiveDrinkingRule(settings.ExcessiveDrinking);
        Heat = new HeatRule(settings.Heat);
        ReadingRules =
        [
            new FeverRule(settings.Fever),
            new TemperatureDropRule(settings.TemperatureDrop),
            new CalvingRule(settings.Calving, settings.TemperatureDrop, settings.Drinking),
            Heat,
            new RuminationDropRule(settings.RuminationDrop),
            new LowActivityRule(settings.LowActivity),
            new SubacuteRuminalAcidosisRule(settings.SubacuteRuminalAcidosis),
            new LowWaterIntakeRule(settings.LowWaterIntake),
            new SensorFaultRule(settings.SensorFault),
            ExcessiveDrinking,
        ];
        Offline = new SensorOfflineRule(settings.SensorOffline);
        ToleranceSeconds = (int)settings.InterruptionTolerance.TotalSeconds;
        WarmUpSeconds = (int)settings.Baseline.WarmUp.TotalSeconds;
        // An hour's normal gets each reading in that hour; over a day they add up to 1/LearningDays.
        HourlyWeightPerSecond = 1.0 / (settings.Baseline.LearningDays * 3600);
        NormTimeConstantSeconds = settings.Baseline.LearningDays * 86_400;
        Drinking = DrinkingThresholds.From(settings.Drinking);
        MinTemperatureCelsius = settings.SensorFault.MinTemperatureCelsius;
        MaxTemperatureCelsius = settings.SensorFault.MaxTemperatureCelsius;
        MinPh = settings.SensorFault.MinPh;
        MaxPh = settings.SensorFault.MaxPh;
        LearnBelowCelsius = settings.TemperatureDrop.MarginCelsius;
        LearnAboveCelsius = settings.Fever.MarginCelsius;
        SpreadFloorCelsius = 0.03;
        HerdUpperCelsius = settings.Baseline.HerdTemperatureCelsius + settings.Baseline.HerdRangeCelsius;
        HerdLowerCelsius = settings.Baseline.HerdTemperatureCelsius - settings.Baseline.HerdRangeCelsius;
    }

    /// <summary>The rules judged on every reading, in a fixed order (the order of their changes).</summary>
    public DetectionRule[] ReadingRules { get; }

    public SensorOfflineRule Offline { get; }

    /// <summary>Also one of <see cref="ReadingRules"/>; whether she drinks clearly more than usual tells the temperature rules about her drinks.</summary>
    public ExcessiveDrinkingRule ExcessiveDrinking { get; }

    /// <summary>Also one of <see cref="ReadingRules"/>; whether heat is building tells the fever rule to allow for its warmth.</summary>
    public HeatRule Heat { get; }

    public int ToleranceSeconds { get; }

    public int WarmUpSeconds { get; }

    public double HourlyWeightPerSecond { get; }

    public double NormTimeConstantSeconds { get; }

    public DrinkingThresholds Drinking { get; }

    public double MinTemperatureCelsius { get; }

    public double MaxTemperatureCelsius { get; }

    public double MinPh { get; }

    public double MaxPh { get; }

    /// <summary>Once warm, a temperature is learned clamped to this far below her normal (an illness moves her normal only slowly).</summary>
    public double LearnBelowCelsius { get; }

    /// <summary>Once warm, a temperature is learned clamped to this far above her normal.</summary>
    public double LearnAboveCelsius { get; }

    /// <summary>
    /// The smallest spread a cow's temperature is judged in: three times the bolus's resolution, so a
    /// cow whose readings barely move is not taken to fever on a few hundredths of a degree.
    /// </summary>
    public double SpreadFloorCelsius { get; }

    /// <summary>The warmest a healthy cow of the herd runs at any hour: the cold start's yardstick.</summary>
    public double HerdUpperCelsius { get; }

    /// <summary>The coolest a healthy cow of the herd runs between drinks at any hour.</summary>
    public double HerdLowerCelsius { get; }
}
