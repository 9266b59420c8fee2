namespace CowHealth.Processor.Detection.Baselines;

/// <summary>
/// Hides a drink from the temperature rules. Cold water cools the reticulum by several degrees
/// within one reading, and it warms back over one to two hours; a fever, a milk-fever chill or a
/// calving change the temperature over hours instead. So a sudden fall (or a reading that reports
/// water) starts a mask, which lasts until the temperature is back near where it was before the
/// drink, or at most <see cref="DrinkingSettings.MaxRecovery"/> from its first drink: further drinks
/// do not stretch it, so a cow that keeps drinking cannot hide a real drop for longer than that.
/// </summary>
internal struct DrinkingMask
{
    private float _lastUsableTemperature;
    private int _lastUsableAt;
    private float _preDrinkTemperature;
    private int _maskedUntil;
    private bool _hasUsable;
    private bool _masking;

    /// <summary>
    /// Judges the reading's temperature. Returns whether a drink hides it (the dip or its recovery);
    /// tells whether it holds a drinking cycle (a new cooling, or water reported).
    /// </summary>
    public bool Observe(in DrinkingThresholds thresholds, double temperature, double previousTemperature, bool hasPrevious,
        bool waterReported, bool implausible, int now, out bool drinkingCycle)
    {
        if (_masking && now > _maskedUntil)
        {
            _masking = false;
        }

        var cooledSuddenly = hasPrevious && temperature <= previousTemperature - thresholds.DropCelsius;
        drinkingCycle = waterReported || cooledSuddenly;
        if (drinkingCycle)
        {
            if (!_masking)
            {
                _masking = true;
                _preDrinkTemperature = _hasUsable ? _lastUsableTemperature : float.NaN;
                _maskedUntil = now + thresholds.MaxRecoverySeconds;
            }

            return true;
        }

        if (_masking)
        {
            // NaN (no temperature before the drink) never compares true: the mask then runs its full length.
            if (!(temperature >= _preDrinkTemperature - thresholds.RecoveredWithinCelsius))
            {
                return true;
            }

            _masking = false;
        }

        if (!implausible)
        {
            _lastUsableTemperature = (float)temperature;
            _lastUsableAt = now;
            _hasUsable = true;
        }

        return false;
    }

    /// <summary>Seconds from the previous usable temperature to <paramref name="now"/>; infinite before the first.</summary>
    public readonly double SecondsSinceUsable(int now) => _hasUsable ? now - _lastUsableAt : double.PositiveInfinity;

    public readonly void Write(ref SnapshotWriter writer)
    {
        writer.Single(_lastUsableTemperature);
        writer.Int32(_lastUsableAt);
        writer.Single(_preDrinkTemperature);
        writer.Int32(_maskedUntil);
        writer.Bool(_hasUsable);
        writer.Bool(_masking);
    }

    public void Read(ref SnapshotReader reader)
    {
        _lastUsableTemperature = reader.Single();
        _lastUsableAt = reader.Int32();
        _preDrinkTemperature = reader.Single();
        _maskedUntil = reader.Int32();
        _hasUsable = reader.Bool();
        _masking = reader.Bool();
    }
}
