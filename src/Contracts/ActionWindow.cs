namespace CowHealth.Contracts;

/// <summary>
/// When to act on an alert, in event time: inseminate a cow in heat between <see cref="From"/> and
/// <see cref="To"/>, or expect her calf then (most likely at <see cref="Expected"/>).
/// </summary>
/// <param name="Action">What to do or expect, e.g. <c>Inseminate</c> or <c>Calving</c>.</param>
public sealed record ActionWindow(string Action, DateTimeOffset From, DateTimeOffset To, DateTimeOffset? Expected = null);
