namespace CowHealth.Tests.Simulator;

/// <summary>A wall clock a spec sets by hand, for the pure scheduling logic.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
