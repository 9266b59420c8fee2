using System.Buffers.Binary;
using System.Text.Json;

namespace CowHealth.Gateway.Cows;

/// <summary>
/// Reads a cow's hourly baselines out of the detection state the Processor saves with her readings
/// (<c>detection_states</c>), so the API shows the very numbers her alerts were judged against,
/// not a second estimate. The state is the Processor's binary image (<c>TrackedCow.Snapshot</c>);
/// this reads only its leading fields, which formats 1 to 3 share (format 2 added a condition's
/// track after them, format 3 her temperature's spread), and answers null for a format it does not know. <c>StoredBaselines_Specs</c>
/// feeds the real detector and checks these numbers, so a change of layout on the Processor's side
/// fails there first.
/// </summary>
public static class StoredBaselines
{
    private const int Hours = 24;

    /// <param name="litres">Her bolus estimates litres (otherwise detection counts drinking cycles).</param>
    public static BaselinesView? Decode(string snapshotJson, bool litres)
    {
        Snapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize<Snapshot>(snapshotJson);
        }
        catch (JsonException)
        {
            return null;
        }

        if (snapshot is not { FormatVersion: 1 or 2 or 3, State: { } state })
        {
            return null;
        }

        try
        {
            return Read(state, snapshot.LastMeasuredAt, litres);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return null; // truncated: the Processor itself would discard it and relearn
        }
    }

    private static BaselinesView Read(ReadOnlySpan<byte> state, DateTimeOffset learnedUntil, bool litres)
    {
        // Formats 1 to 3: first and last ticks (8 + 8), hours seen (4), started, warm (1 + 1), then four
        // hourly baselines (temperature, activity, rumination, water intake), then the pH norm.
        var warm = state[21] != 0;
        var at = 22;
        var temperature = ReadBaseline(state, ref at, warm);
        var activity = ReadBaseline(state, ref at, warm);
        var rumination = ReadBaseline(state, ref at, warm);
        var water = ReadBaseline(state, ref at, warm);
        var ph = BinaryPrimitives.ReadSingleLittleEndian(state.Slice(at, 4));

        var hours = new HourBaselineView[Hours];
        for (var h = 0; h < Hours; h++)
        {
            hours[h] = new HourBaselineView(h, temperature[h], activity[h], rumination[h],
                litres ? water[h] : null, litres ? null : water[h]);
        }

        // The Processor starts the pH norm at zero and moves it with the first pH reading.
        return new BaselinesView(learnedUntil, warm, hours, ph == 0 ? null : Round(ph));
    }

    /// <summary>24 means, then 24 counts while warming up or 3 bytes of seen-hour flags once warm.</summary>
    private static double?[] ReadBaseline(ReadOnlySpan<byte> state, ref int at, bool warm)
    {
        var means = new float[Hours];
        for (var h = 0; h < Hours; h++)
        {
            means[h] = BinaryPrimitives.ReadSingleLittleEndian(state.Slice(at, 4));
            at += 4;
        }

        var values = new double?[Hours];
        if (warm)
        {
            var seen = state[at] | (state[at + 1] << 8) | (state[at + 2] << 16);
            at += 3;
            for (var h = 0; h < Hours; h++)
            {
                values[h] = (seen & (1 << h)) != 0 ? Round(means[h]) : null;
            }

            return values;
        }

        for (var h = 0; h < Hours; h++)
        {
            values[h] = state[at + h] > 0 ? Round(means[h]) : null;
        }

        at += Hours;
        return values;
    }

    /// <summary>Detection keeps single precision; more digits than that would only be noise.</summary>
    private static double Round(float value) => Math.Round(value, 4);

    private sealed record Snapshot(DateTimeOffset LastMeasuredAt, int FormatVersion, byte[]? State);
}
