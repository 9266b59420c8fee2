namespace CowHealth.Simulator.Conditions;

/// <summary>Whether the scenario book took an injected condition, and if not, why.</summary>
public enum InjectionOutcome
{
    Recorded,

    /// <summary>The onset lies in the simulated past: readings up to then have already been generated.</summary>
    OnsetAlreadySent,

    /// <summary>The book holds <see cref="ConditionOptions.MaxInjected"/> conditions already.</summary>
    BookFull,
}
