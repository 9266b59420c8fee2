using System.ComponentModel.DataAnnotations;
using CowHealth.Processor.Detection.Baselines;
using CowHealth.Processor.Detection.Rules;

namespace CowHealth.Processor.Detection;

/// <summary>Every threshold and window of the detection rules, for the whole herd or for one farm.</summary>
public class DetectionSettings
{
    /// <summary>
    /// A run of abnormal readings survives normal or masked readings for this long; a longer
    /// interruption starts the run again. Default 30 min (three ten-minute readings).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "06:00:00")]
    public TimeSpan InterruptionTolerance { get; set; } = TimeSpan.FromMinutes(30);

    public BaselineSettings Baseline { get; set; } = new();

    public DrinkingSettings Drinking { get; set; } = new();

    public FeverSettings Fever { get; set; } = new();

    public TemperatureDropSettings TemperatureDrop { get; set; } = new();

    public CalvingSettings Calving { get; set; } = new();

    public HeatSettings Heat { get; set; } = new();

    public RuminationDropSettings RuminationDrop { get; set; } = new();

    public LowActivitySettings LowActivity { get; set; } = new();

    public SubacuteRuminalAcidosisSettings SubacuteRuminalAcidosis { get; set; } = new();

    public LowWaterIntakeSettings LowWaterIntake { get; set; } = new();

    public ExcessiveDrinkingSettings ExcessiveDrinking { get; set; } = new();

    public SensorOfflineSettings SensorOffline { get; set; } = new();

    public SensorFaultSettings SensorFault { get; set; } = new();

    /// <summary>The sections with their configuration names, for validation.</summary>
    internal IEnumerable<(string Name, object Section)> Sections() =>
    [
        (nameof(Baseline), Baseline), (nameof(Drinking), Drinking), (nameof(Fever), Fever),
        (nameof(TemperatureDrop), TemperatureDrop), (nameof(Calving), Calving), (nameof(Heat), Heat),
        (nameof(RuminationDrop), RuminationDrop), (nameof(LowActivity), LowActivity),
        (nameof(SubacuteRuminalAcidosis), SubacuteRuminalAcidosis), (nameof(LowWaterIntake), LowWaterIntake),
        (nameof(ExcessiveDrinking), ExcessiveDrinking), (nameof(SensorOffline), SensorOffline), (nameof(SensorFault), SensorFault),
    ];

    /// <summary>A deep copy, the starting point of a farm's overrides.</summary>
    public DetectionSettings CopySettings() => new()
    {
        InterruptionTolerance = InterruptionTolerance,
        Baseline = Baseline.CopySettings(),
        Drinking = Drinking.CopySettings(),
        Fever = (FeverSettings)Fever.CopySettings(),
        TemperatureDrop = (TemperatureDropSettings)TemperatureDrop.CopySettings(),
        Calving = (CalvingSettings)Calving.CopySettings(),
        Heat = (HeatSettings)Heat.CopySettings(),
        RuminationDrop = (RuminationDropSettings)RuminationDrop.CopySettings(),
        LowActivity = (LowActivitySettings)LowActivity.CopySettings(),
        SubacuteRuminalAcidosis = (SubacuteRuminalAcidosisSettings)SubacuteRuminalAcidosis.CopySettings(),
        LowWaterIntake = (LowWaterIntakeSettings)LowWaterIntake.CopySettings(),
        ExcessiveDrinking = (ExcessiveDrinkingSettings)ExcessiveDrinking.CopySettings(),
        SensorOffline = SensorOffline.CopySettings(),
        SensorFault = (SensorFaultSettings)SensorFault.CopySettings(),
    };
}
