namespace CowHealth.Simulator.FakeApi;

/// <summary>A cow and the bolus she carries.</summary>
public sealed record HerdCowView(string CowId, string FarmId, string SensorId, bool HasPhBolus);
