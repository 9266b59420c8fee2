namespace CowHealth.Contracts;

/// <summary>What an alert is about. Serialized by name, so new values can be added at the end.</summary>
public enum HealthCondition
{
    Fever,
    TemperatureDrop,
    Calving,
    Heat,
    RuminationDrop,
    LowActivity,
    SubacuteRuminalAcidosis,
    LowWaterIntake,
    SensorOffline,
    SensorFault,
    ExcessiveDrinking,
}
