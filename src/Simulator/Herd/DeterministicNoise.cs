namespace CowHealth.Simulator.Herd;

/// <summary>
/// Random-looking numbers that are a pure function of (seed, cow, step, channel). Because no
/// state is carried from one reading to the next, the same settings always give the same readings,
/// a backfill can generate any day without generating the days before, and memory stays flat.
/// A "step" is whatever the caller counts in: a sensor interval, a day, a calving cycle.
/// </summary>
public static class DeterministicNoise
{
    // Gaussian draws take their two uniforms from channels far above the ones callers use for
    // uniforms, so a Gaussian on channel 2 never shares numbers with a uniform on channel 4.
    private const ulong GaussianChannels = 1UL << 40;

    /// <summary>Uniform in [0, 1).</summary>
    public static double Uniform(int seed, int cow, long step, int channel) =>
        ToUnit(Mix((ulong)(uint)seed, (ulong)(uint)cow, (ulong)step, (ulong)(uint)channel));

    /// <summary>Standard normal (mean 0, deviation 1), by Box–Muller on two uniforms.</summary>
    public static double Gaussian(int seed, int cow, long step, int channel)
    {
        var u1 = 1.0 - ToUnit(Mix((ulong)(uint)seed, (ulong)(uint)cow, (ulong)step, GaussianChannels + ((ulong)(uint)channel * 2)));
        var u2 = ToUnit(Mix((ulong)(uint)seed, (ulong)(uint)cow, (ulong)step, GaussianChannels + ((ulong)(uint)channel * 2) + 1));
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A stable identifier for the same inputs: a reading's id, a spontaneous condition's id.</summary>
    public static Guid Identifier(int seed, int cow, long step, int channel = 0)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Mix((ulong)(uint)seed, (ulong)(uint)cow, (ulong)step, 0xA11CEUL + ((ulong)(uint)channel << 20)));
        BitConverter.TryWriteBytes(bytes[8..], Mix((ulong)(uint)seed, (ulong)(uint)cow, (ulong)step, 0xB0BUL + ((ulong)(uint)channel << 20)));
        return new Guid(bytes);
    }

    private static double ToUnit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong a, ulong b, ulong c, ulong d) =>
        SplitMix(a ^ SplitMix(b ^ SplitMix(c ^ SplitMix(d))));

    // SplitMix64's finaliser: every input bit flips about half the output bits.
    private static ulong SplitMix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
