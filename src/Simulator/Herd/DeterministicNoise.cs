namespace CowHealth.Simulator.Herd;

/// <summary>
/// Random-looking numbers that are a pure function of (seed, cow, time step, channel). Because no
/// state is carried from one reading to the next, the same settings always give the same readings,
/// a backfill can generate any day without generating the days before, and memory stays flat.
/// </summary>
public static class DeterministicNoise
{
    /// <summary>Uniform in [0, 1).</summary>
    public static double Uniform(int seed, int cow, long step, int channel)
    {
        var bits = Mix((ulong)(uint)seed, (ulong)(uint)cow, (ulong)step, (ulong)(uint)channel);
        return (bits >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Standard normal (mean 0, deviation 1), by Box–Muller on two uniforms.</summary>
    public static double Gaussian(int seed, int cow, long step, int channel)
    {
        var u1 = 1.0 - Uniform(seed, cow, step, channel * 2);
        var u2 = Uniform(seed, cow, step, (channel * 2) + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A stable identifier for the same inputs.</summary>
    public static Guid Identifier(int seed, int cow, long step)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Mix((ulong)(uint)seed, (ulong)(uint)cow, (ulong)step, 0xA11CE));
        BitConverter.TryWriteBytes(bytes[8..], Mix((ulong)(uint)seed, (ulong)(uint)cow, (ulong)step, 0xB0B));
        return new Guid(bytes);
    }

    private static ulong Mix(ulong a, ulong b, ulong c, ulong d)
    {
        var x = SplitMix(a ^ SplitMix(b ^ SplitMix(c ^ SplitMix(d))));
        return x;
    }

    // SplitMix64's finaliser: every input bit flips about half the output bits.
    private static ulong SplitMix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
