namespace CowHealth.Benchmarks.Simulator;

/// <summary>The two things a backfill's speed is made of.</summary>
internal enum BackfillRun
{
    /// <summary>The herd model alone: every reading of every cow, nothing sent.</summary>
    Generate,

    /// <summary>The Simulator service's real backfill: generated, serialized and acknowledged by the embedded broker.</summary>
    GenerateAndProduce,
}
