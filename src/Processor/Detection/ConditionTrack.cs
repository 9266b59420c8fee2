using CowHealth.Contracts;
using CowHealth.Processor.Detection.Rules;

namespace CowHealth.Processor.Detection;

/// <summary>What a transition of a <see cref="ConditionTrack"/> was.</summary>
internal enum Transition : byte
{
    None,
    Detected,
    Cleared,
}

/// <summary>
/// One cow's memory of one condition: the run of abnormal readings building towards detection,
/// whether the condition is present, and since when it has looked clear. It turns a stream of
/// verdicts into transitions with hysteresis, so each is emitted once. Times are seconds since the
/// cow's first reading. Rules that average a signal keep their averages here too.
/// </summary>
internal struct ConditionTrack
{
    /// <summary>A rule's exponentially weighted mean of what it watches (its meaning is the rule's).</summary>
    public float Average;

    /// <summary>A rule's exponentially weighted mean of what it expects, or of a second signal.</summary>
    public float AverageExpected;

    private int _runStart;
    private int _interruptedSince;
    private int _clearSince;
    private float _sumObserved;
    private float _sumBaseline;
    private ushort _runReadings;
    private Flags _flags;
    private byte _detail;
    private AlertSeverity _severity;

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        Running = 1,
        Active = 2,
        Clearing = 4,
        Interrupted = 8,
    }

    /// <summary>The condition is present (detected and not yet cleared).</summary>
    public readonly bool Active => (_flags & Flags.Active) != 0;

    public readonly AlertSeverity Severity => _severity;

    /// <summary>The detail code of the latest abnormal reading, for the evidence.</summary>
    public readonly byte Detail => _detail;

    /// <summary>
    /// No run, no condition, not clearing: every other field is then dead (each is reset before it is
    /// read again), so the snapshot leaves them out.
    /// </summary>
    public readonly bool Idle => _flags == Flags.None;

    public readonly int RunStart => _runStart;

    public readonly int ClearSince => _clearSince;

    /// <summary>The condition is present and has looked clear since <see cref="ClearSince"/>.</summary>
    public readonly bool Clearing => (_flags & Flags.Clearing) != 0;

    public readonly double MeanObserved => _runReadings == 0 ? double.NaN : _sumObserved / _runReadings;

    public readonly double MeanBaseline => _runReadings == 0 ? double.NaN : _sumBaseline / _runReadings;

    /// <summary>Folds one verdict in; reports when the condition is detected or cleared by it.</summary>
    public Transition Apply(in Verdict verdict, int now, DetectionRule rule, int toleranceSeconds)
    {
        switch (verdict.Kind)
        {
            case VerdictKind.Abnormal:
                return Abnormal(verdict, now, rule, toleranceSeconds);
            case VerdictKind.Clear:
                Interrupt(now, toleranceSeconds);
                return Clear(now, rule);
            case VerdictKind.Borderline:
                Interrupt(now, toleranceSeconds);
                _flags &= ~Flags.Clearing;
                return Transition.None;
            default:
                // Masked (a drink) or not applicable: neither builds, nor clears, nor interrupts a run;
                // a cow drinks every two hours or so, and a fever goes on while she drinks.
                return Transition.None;
        }
    }

    /// <summary>Marks the condition present without a run (a silence noticed from outside the readings).</summary>
    public void Activate(AlertSeverity severity)
    {
        _flags = Flags.Active;
        _severity = severity;
    }

    /// <summary>Ends the condition at once (the bolus spoke again).</summary>
    public void Deactivate() => _flags = Flags.None;

    private Transition Abnormal(in Verdict verdict, int now, DetectionRule rule, int toleranceSeconds)
    {
        if ((_flags & Flags.Running) == 0)
        {
            _flags |= Flags.Running;
            _runStart = now;
            _sumObserved = 0;
            _sumBaseline = 0;
            _runReadings = 0;
        }

        _detail = verdict.Detail;
        _flags &= ~(Flags.Clearing | Flags.Interrupted);
        if (_runReadings < ushort.MaxValue)
        {
            _sumObserved += (float)verdict.Observed;
            _sumBaseline += (float)verdict.Baseline;
            _runReadings++;
        }

        if ((_flags & Flags.Active) != 0 || now - _runStart < rule.SustainedForSeconds)
        {
            return Transition.None;
        }

        _flags |= Flags.Active;
        _severity = rule.SeverityOf(MeanObserved, MeanBaseline);
        return Transition.Detected;
    }

    private Transition Clear(int now, DetectionRule rule)
    {
        if ((_flags & Flags.Active) == 0)
        {
            return Transition.None;
        }

        if ((_flags & Flags.Clearing) == 0)
        {
            _flags |= Flags.Clearing;
            _clearSince = now;
        }

        if (now - _clearSince < rule.ClearAfterSeconds)
        {
            return Transition.None;
        }

        _flags = Flags.None;
        return Transition.Cleared;
    }

    /// <summary>A reading that is not abnormal: the run ends once such readings have lasted the tolerance.</summary>
    private void Interrupt(int now, int toleranceSeconds)
    {
        if ((_flags & Flags.Running) == 0)
        {
            return;
        }

        if ((_flags & Flags.Interrupted) == 0)
        {
            _flags |= Flags.Interrupted;
            _interruptedSince = now;
        }

        if (now - _interruptedSince >= toleranceSeconds)
        {
            _flags &= ~(Flags.Running | Flags.Interrupted);
        }
    }

    /// <summary>The rule keeps averages here (not every rule does): the snapshot leaves empty ones out.</summary>
    public readonly bool HasAverages => Average != 0 || AverageExpected != 0;

    public readonly void WriteAverages(ref SnapshotWriter writer)
    {
        writer.Single(Average);
        writer.Single(AverageExpected);
    }

    public void ReadAverages(ref SnapshotReader reader)
    {
        Average = reader.Single();
        AverageExpected = reader.Single();
    }

    /// <summary>
    /// Writes what is alive: for a present condition its severity and clearing (a run building
    /// towards detection is dead then, as the condition cannot be detected twice); otherwise the run.
    /// </summary>
    public readonly void WriteRun(ref SnapshotWriter writer)
    {
        var active = (_flags & Flags.Active) != 0;
        var flags = active ? _flags & (Flags.Active | Flags.Clearing) : _flags;
        writer.Byte((byte)flags);
        writer.Byte(_detail);
        if (active)
        {
            writer.Byte((byte)_severity);
            if ((flags & Flags.Clearing) != 0)
            {
                writer.Int32(_clearSince);
            }

            return;
        }

        if ((flags & Flags.Running) != 0)
        {
            writer.Int32(_runStart);
            writer.Single(_sumObserved);
            writer.Single(_sumBaseline);
            writer.UInt16(_runReadings);
            if ((flags & Flags.Interrupted) != 0)
            {
                writer.Int32(_interruptedSince);
            }
        }
    }

    public void ReadRun(ref SnapshotReader reader)
    {
        _flags = (Flags)reader.Byte();
        _detail = reader.Byte();
        if ((_flags & Flags.Active) != 0)
        {
            _severity = (AlertSeverity)reader.Byte();
            if ((_flags & Flags.Clearing) != 0)
            {
                _clearSince = reader.Int32();
            }

            return;
        }

        if ((_flags & Flags.Running) != 0)
        {
            _runStart = reader.Int32();
            _sumObserved = reader.Single();
            _sumBaseline = reader.Single();
            _runReadings = reader.UInt16();
            if ((_flags & Flags.Interrupted) != 0)
            {
                _interruptedSince = reader.Int32();
            }
        }
    }
}
