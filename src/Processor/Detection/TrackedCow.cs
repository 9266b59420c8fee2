using System.Runtime.CompilerServices;
using CowHealth.Contracts;
using CowHealth.Processor.Detection.Baselines;
using CowHealth.Processor.Detection.Rules;

namespace CowHealth.Processor.Detection;

/// <summary>
/// Everything detection knows about one cow, in a fixed size: her hourly normals, her drinking
/// state, and one <see cref="ConditionTrack"/> per condition. Callers hold the cow's lock.
/// Times inside are seconds since her first reading.
/// </summary>
internal sealed class TrackedCow(string cowId, HerdFarm farm)
{
    // 2: a track for ExcessiveDrinking (format 1 had ten conditions).
    // 3: her temperature's spread for each hour; the fever track holds its accumulated evidence.
    public const int FormatVersion = 3;

    private const int AllHours = (1 << HourlyBaseline.HoursPerDay) - 1;
    private const int ConditionCount = (int)HealthCondition.ExcessiveDrinking + 1;
    private const int MaxSnapshotBytes = 1_024;

    private long _firstTicks;
    private long _lastTicks;
    private int _hoursSeen;
    private bool _started;
    private bool _warm;
    private HourlyBaseline _temperature;
    private HourlyBaseline _temperatureSpread;
    private HourlyBaseline _activity;
    private HourlyBaseline _rumination;
    private HourlyBaseline _waterIntake;
    private float _phNorm;
    private DrinkingMask _drinking;
    private float _previousTemperature;
    private int _stuckSince;
    private Tracks _tracks;

    public string CowId { get; } = cowId;

    public HerdFarm Farm { get; private set; } = farm;

    /// <summary>Event time of her newest reading; read by silence scans without the cow's lock.</summary>
    public long LastTicks => Volatile.Read(ref _lastTicks);

    public IReadOnlyList<ConditionChange> Observe(SensorReading reading)
    {
        var ticks = reading.MeasuredAt.UtcTicks;
        if (_started && ticks <= _lastTicks)
        {
            // Re-delivered (or older than what she already told us): processing it again must change nothing.
            return [];
        }

        var rules = Farm.Rules;
        var hasPrevious = _started;
        var secondsSincePrevious = hasPrevious ? (ticks - _lastTicks) / (double)TimeSpan.TicksPerSecond : double.PositiveInfinity;
        if (!_started)
        {
            _firstTicks = ticks;
            _started = true;
        }

        var now = SecondsOf(ticks);
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        List<ConditionChange>? changes = null;

        ref var offline = ref _tracks[(int)HealthCondition.SensorOffline];
        if (offline.Active)
        {
            var previous = new DateTimeOffset(_lastTicks, TimeSpan.Zero);
            offline.Deactivate();
            (changes ??= []).Add(new ConditionChange(CowId, Farm.FarmId, HealthCondition.SensorOffline, ConditionChangeKind.Cleared,
                offline.Severity, at, rules.Offline.ClearedEvidence(previous, at)));
        }

        var hour = (int)(ticks / TimeSpan.TicksPerHour % HourlyBaseline.HoursPerDay);
        if (!_warm && now >= rules.WarmUpSeconds && _hoursSeen == AllHours)
        {
            _warm = true;
        }

        var temperature = reading.RumenTemperatureCelsius;
        var implausible = temperature < rules.MinTemperatureCelsius || temperature > rules.MaxTemperatureCelsius;
        if (!hasPrevious || (float)temperature != _previousTemperature)
        {
            _stuckSince = now;
        }

        var litres = reading.WaterIntakeLitres;
        var secondsSinceUsableTemperature = _drinking.SecondsSinceUsable(now);
        var drinkMasked = _drinking.Observe(rules.Drinking, temperature, _previousTemperature, hasPrevious, litres > 0, implausible, now,
            out var drank);
        var ph = reading.RumenPh ?? double.NaN;
        var signals = new CowSignals
        {
            Ticks = ticks,
            Now = now,
            SecondsSincePrevious = secondsSincePrevious,
            Warm = _warm,
            Temperature = temperature,
            TemperatureUsable = !drinkMasked && !implausible,
            SecondsSinceUsableTemperature = secondsSinceUsableTemperature,
            DrinkMasked = drinkMasked,
            DrinkingMoreThanUsual = rules.ExcessiveDrinking.BeyondClearing(_tracks[(int)HealthCondition.ExcessiveDrinking], _warm, now),
            TemperatureImplausible = implausible,
            TemperatureBaseline = _temperature.Expected(hour),
            TemperatureSpread = SpreadOf(rules, _temperatureSpread.Expected(hour)),
            InHeat = rules.Heat.BeyondClearing(_tracks[(int)HealthCondition.Heat], _warm, now),
            HerdUpperTemperature = rules.HerdUpperCelsius,
            StuckSeconds = now - _stuckSince,
            Activity = reading.ActivityIndex,
            ActivityBaseline = _activity.Expected(hour),
            Rumination = reading.RuminationMinutes,
            RuminationBaseline = _rumination.Expected(hour),
            HasLitres = litres.HasValue,
            // Litres when the bolus estimates them, otherwise drinking cycles: one measure per bolus.
            WaterIntake = litres ?? (drank ? 1.0 : 0.0),
            WaterIntakeBaseline = _waterIntake.Expected(hour),
            HasPh = reading.RumenPh.HasValue,
            Ph = ph,
            PhImplausible = ph < rules.MinPh || ph > rules.MaxPh,
            PhNorm = _phNorm,
        };

        // Conditions that are present or abnormal on this reading: their measure is not learned as normal.
        var engaged = 0;
        foreach (var rule in rules.ReadingRules)
        {
            var index = (int)rule.Condition;
            ref var track = ref _tracks[index];
            var verdict = rule.Judge(ref track, signals);
            var transition = track.Apply(verdict, now, rule, rules.ToleranceSeconds);
            if (verdict.Kind == VerdictKind.Abnormal || track.Active)
            {
                engaged |= 1 << index;
            }

            if (transition != Transition.None)
            {
                (changes ??= []).Add(ChangeOf(rule, track, transition, verdict, at));
                if (transition == Transition.Detected && rule.Condition == HealthCondition.Fever && !_warm)
                {
                    // A fever in her first day: what was learned of her temperature may be its onset. Her
                    // warm-up starts again, from the readings she gives once she is well.
                    _temperature = default;
                    _temperatureSpread = default;
                    _hoursSeen = 0;
                }
            }
        }

        Learn(rules, signals, hour, engaged);
        _previousTemperature = (float)temperature;
        Volatile.Write(ref _lastTicks, ticks);
        return changes is null ? Array.Empty<ConditionChange>() : changes;
    }

    /// <summary>Event time around her is <paramref name="eventTicks"/>: is she silent for too long now?</summary>
    public ConditionChange? NoticeSilence(long eventTicks)
    {
        var offlineRule = Farm.Rules.Offline;
        ref var offline = ref _tracks[(int)HealthCondition.SensorOffline];
        if (!_started || offline.Active || !offlineRule.IsSilent(_lastTicks, eventTicks))
        {
            return null;
        }

        offline.Activate(SensorOfflineRule.Severity);
        var last = new DateTimeOffset(_lastTicks, TimeSpan.Zero);
        // The change happened when the silence passed the threshold, whenever the scan noticed it.
        return new ConditionChange(CowId, Farm.FarmId, HealthCondition.SensorOffline, ConditionChangeKind.Detected, SensorOfflineRule.Severity,
            last.AddTicks(offlineRule.SilentForTicks), offlineRule.DetectedEvidence(last, new DateTimeOffset(eventTicks, TimeSpan.Zero)));
    }

    public CowDetectionSnapshot Snapshot()
    {
        Span<byte> buffer = stackalloc byte[MaxSnapshotBytes];
        var writer = new SnapshotWriter(buffer);
        writer.Int64(_firstTicks);
        writer.Int64(_lastTicks);
        writer.Int32(_hoursSeen);
        writer.Bool(_started);
        writer.Bool(_warm);
        _temperature.Write(ref writer, _warm);
        _activity.Write(ref writer, _warm);
        _rumination.Write(ref writer, _warm);
        _waterIntake.Write(ref writer, _warm);
        writer.Single(_phNorm);
        // After the fields formats 1 and 2 share, which the Gateway reads for a cow's baselines.
        _temperatureSpread.Write(ref writer, _warm);
        _drinking.Write(ref writer);
        writer.Single(_previousTemperature);
        writer.Int32(_stuckSince);
        ushort averaged = 0;
        ushort running = 0;
        for (var i = 0; i < ConditionCount; i++)
        {
            averaged |= _tracks[i].HasAverages ? (ushort)(1 << i) : (ushort)0;
            running |= _tracks[i].Idle ? (ushort)0 : (ushort)(1 << i);
        }

        writer.UInt16(averaged);
        writer.UInt16(running);
        for (var i = 0; i < ConditionCount; i++)
        {
            if ((averaged & (1 << i)) != 0)
            {
                _tracks[i].WriteAverages(ref writer);
            }

            if ((running & (1 << i)) != 0)
            {
                _tracks[i].WriteRun(ref writer);
            }
        }

        return new CowDetectionSnapshot(CowId, Farm.FarmId, new DateTimeOffset(_lastTicks, TimeSpan.Zero), FormatVersion,
            buffer[..writer.Written].ToArray());
    }

    public void Restore(CowDetectionSnapshot snapshot, HerdFarm farm)
    {
        var reader = new SnapshotReader(snapshot.State);
        Farm = farm;
        _firstTicks = reader.Int64();
        Volatile.Write(ref _lastTicks, reader.Int64());
        _hoursSeen = reader.Int32();
        _started = reader.Bool();
        _warm = reader.Bool();
        _temperature.Read(ref reader, _warm);
        _activity.Read(ref reader, _warm);
        _rumination.Read(ref reader, _warm);
        _waterIntake.Read(ref reader, _warm);
        _phNorm = reader.Single();
        _temperatureSpread.Read(ref reader, _warm);
        _drinking.Read(ref reader);
        _previousTemperature = reader.Single();
        _stuckSince = reader.Int32();
        _tracks = default;
        var averaged = reader.UInt16();
        var running = reader.UInt16();
        for (var i = 0; i < ConditionCount; i++)
        {
            if ((averaged & (1 << i)) != 0)
            {
                _tracks[i].ReadAverages(ref reader);
            }

            if ((running & (1 << i)) != 0)
            {
                _tracks[i].ReadRun(ref reader);
            }
        }

        if (!reader.AtEnd)
        {
            throw new ArgumentException($"The detection snapshot of cow {snapshot.CowId} is longer than format {FormatVersion} allows.",
                nameof(snapshot));
        }
    }

    private void Learn(FarmRules rules, in CowSignals signals, int hour, int engaged)
    {
        // A reading speaks for its interval, at most an hour of its hour's normal.
        var hourlyWeight = Math.Min(signals.SecondsSincePrevious, 3_600) * rules.HourlyWeightPerSecond;
        // A confirmed fever or chill is not her normal. Otherwise a reading is learned clamped to the
        // rules' margins: a run building up moves her normal only slowly, and a normal learned wrong
        // during warm-up still corrects itself.
        // Once she is warm, her temperature is still learned (clamped) while evidence of a fever only builds: a
        // normal learned wrong in some hour must be able to correct itself, or it would raise a fever there every day.
        var temperatureIllness = _tracks[(int)HealthCondition.Fever].Active || _tracks[(int)HealthCondition.TemperatureDrop].Active
            || (!_warm && FeverRule.Building(_tracks[(int)HealthCondition.Fever]));
        // Until her normal is warm, a temperature outside the herd's healthy range is not hers: a fever
        // (or a chill) in her first day would otherwise become her normal and hide the next one.
        var plausiblyHers = _warm || (signals.Temperature <= rules.HerdUpperCelsius && signals.Temperature >= rules.HerdLowerCelsius);
        if (!temperatureIllness)
        {
            // Seen well in this hour (a drink may hide it; a fever building may not): she is warm once every
            // hour has been. An hour without a temperature of her own is read between her learned hours.
            _hoursSeen |= 1 << hour;
        }

        if (signals.TemperatureUsable && !temperatureIllness && plausiblyHers)
        {
            var value = signals.Temperature;
            if (!double.IsNaN(signals.TemperatureBaseline))
            {
                // Her spread, robustly: deviations clamped to the fever margin, so one odd reading cannot widen it much.
                var deviation = Math.Min(Math.Abs(value - signals.TemperatureBaseline), rules.LearnAboveCelsius);
                _temperatureSpread.Learn(hour, deviation, hourlyWeight, _warm);
            }

            if (_warm)
            {
                value = Math.Clamp(value, signals.TemperatureBaseline - rules.LearnBelowCelsius, signals.TemperatureBaseline + rules.LearnAboveCelsius);
            }

            _temperature.Learn(hour, value, hourlyWeight, _warm);
        }

        if ((engaged & (Bit(HealthCondition.Heat) | Bit(HealthCondition.LowActivity))) == 0)
        {
            _activity.Learn(hour, signals.Activity, hourlyWeight, _warm);
        }

        if ((engaged & Bit(HealthCondition.RuminationDrop)) == 0)
        {
            _rumination.Learn(hour, signals.Rumination, hourlyWeight, _warm);
        }

        if ((engaged & (Bit(HealthCondition.LowWaterIntake) | Bit(HealthCondition.ExcessiveDrinking))) == 0)
        {
            _waterIntake.Learn(hour, signals.WaterIntake, hourlyWeight, _warm);
        }

        if (signals.HasPh && !signals.PhImplausible && (engaged & Bit(HealthCondition.SubacuteRuminalAcidosis)) == 0)
        {
            // Her usual pH, for the evidence only: a plain mean while she warms up, then exponentially weighted.
            var weight = _phNorm == 0 ? 1.0 : _warm
                ? ExponentialWeights.After(signals.SecondsSincePrevious, rules.NormTimeConstantSeconds)
                : ExponentialWeights.WarmStart(signals.SecondsSincePrevious, signals.Now, rules.NormTimeConstantSeconds);
            _phNorm += (float)(weight * (signals.Ph - _phNorm));
        }
    }

    private ConditionChange ChangeOf(DetectionRule rule, in ConditionTrack track, Transition transition, in Verdict verdict, DateTimeOffset at)
    {
        if (transition == Transition.Detected)
        {
            var run = new Episode(TimeOf(track.RunStart), at, track.MeanObserved, track.MeanBaseline, track.Detail);
            return new ConditionChange(CowId, Farm.FarmId, rule.Condition, ConditionChangeKind.Detected, track.Severity, at,
                rule.DetectedEvidence(run));
        }

        var clear = new Episode(TimeOf(track.ClearSince), at, verdict.Observed, verdict.Baseline, track.Detail);
        return new ConditionChange(CowId, Farm.FarmId, rule.Condition, ConditionChangeKind.Cleared, track.Severity, at,
            rule.ClearedEvidence(clear));
    }

    private static int Bit(HealthCondition condition) => 1 << (int)condition;

    /// <summary>A mean absolute deviation as about one standard deviation (× 1.25 for a normal distribution), never below the floor.</summary>
    private static double SpreadOf(FarmRules rules, double meanAbsoluteDeviation) =>
        double.IsNaN(meanAbsoluteDeviation) ? 0.1 : Math.Max(1.25 * meanAbsoluteDeviation, rules.SpreadFloorCelsius);

    private int SecondsOf(long ticks) => (int)((ticks - _firstTicks) / TimeSpan.TicksPerSecond);

    private DateTimeOffset TimeOf(int seconds) => new(_firstTicks + (seconds * TimeSpan.TicksPerSecond), TimeSpan.Zero);

    [InlineArray(ConditionCount)]
    private struct Tracks
    {
        private ConditionTrack _element;
    }
}
