using System.Globalization;
using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Simulator.Clock;
using CowHealth.Simulator.Conditions;
using CowHealth.Simulator.Herd;
using CowHealth.Simulator.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CowHealth.Simulator.FakeApi;

/// <summary>
/// The HTTP face of the simulated farm: what a bolus vendor's cloud API would show, plus the
/// handles a test or a demo needs (inject a condition, read the ground truth back). Every
/// mistake in a request is a 400 problem that names the field at fault.
/// </summary>
public static class FakeApi
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1_000;

    // Far enough for any scenario; near enough that onset plus duration stays a valid date.
    private static readonly TimeSpan FurthestOnset = TimeSpan.FromDays(3_650);

    public static IEndpointRouteBuilder MapFakeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/herd", ListHerd).WithName("ListHerd");
        routes.MapGet("/api/clock", ShowClock).WithName("ShowClock");
        routes.MapGet("/api/readings", ListRecentReadings).WithName("ListRecentReadings");
        routes.MapPost("/api/scenarios", InjectCondition).WithName("InjectCondition").Accepts<InjectConditionRequest>("application/json");
        routes.MapGet("/api/scenarios", ListGroundTruth).WithName("ListGroundTruth");
        return routes;
    }

    private static Ok<IReadOnlyList<HerdCowView>> ListHerd(HerdModel herd) =>
        TypedResults.Ok<IReadOnlyList<HerdCowView>>(
            herd.Cows.Select(c => new HerdCowView(c.CowId, c.FarmId, c.SensorId, c.HasPhBolus)).ToList());

    /// <summary>The simulated present: what is sent, what an injection may still change, and the schedule.</summary>
    private static Ok<SimulatedPresentView> ShowClock(HerdModel herd, SimulationClock clock)
    {
        var schedule = clock.Schedule;
        var sealedThrough = herd.Scenarios.SealedThrough;
        return TypedResults.Ok(new SimulatedPresentView(
            schedule.Mode.ToString(),
            clock.ProducedThrough,
            (sealedThrough ?? schedule.FirstReadingAt - herd.SensorInterval) + herd.SensorInterval,
            schedule.FirstReadingAt,
            schedule.EndsBefore,
            herd.SensorInterval.TotalMinutes));
    }

    /// <summary>
    /// Polling view of what was sent: <c>since</c> is a position from an earlier page's <c>next</c>
    /// (or an ISO 8601 time: readings measured after it); <c>limit</c> caps the page.
    /// </summary>
    private static Results<Ok<ReadingsPage>, ValidationProblem> ListRecentReadings(string? since, string? limit, RecentReadings recent)
    {
        var pageSize = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return Invalid("limit", $"'{limit}' is not a page size; use a whole number from 1 to {MaxPageSize}.");
        }

        if (since is null)
        {
            return TypedResults.Ok(recent.After(0, pageSize));
        }

        if (long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return TypedResults.Ok(recent.After(position, pageSize));
        }

        if (TryParseInstant(since, out var time))
        {
            return TypedResults.Ok(recent.MeasuredAfter(time, pageSize));
        }

        return Invalid("since", $"'{since}' is neither a position (the 'next' of an earlier page) nor an ISO 8601 time such as 2026-03-01T06:00:00Z.");
    }

    private static async Task<Results<Created<ConditionEpisode>, ValidationProblem, ProblemHttpResult>> InjectCondition(
        HttpRequest request, HerdModel herd, SimulationClock clock, SimulatorMetrics metrics, IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        InjectConditionRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<InjectConditionRequest>(request.Body, json.Value.SerializerOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return Invalid(field, field == "body"
                ? "The body is not a JSON object such as {\"cowId\":\"F01-C0001\",\"condition\":\"Fever\"}."
                : $"This value has the wrong type: {ExpectedTypeOf(field)}.");
        }

        if (body is null)
        {
            return Invalid("body", "A JSON object is required, such as {\"cowId\":\"F01-C0001\",\"condition\":\"Fever\"}.");
        }

        if (string.IsNullOrWhiteSpace(body.CowId))
        {
            return Invalid("cowId", "Name the cow, as GET /api/herd lists her.");
        }

        if (herd.FindCow(body.CowId) is not { } cow)
        {
            return Invalid("cowId", $"There is no cow '{body.CowId}' in the herd; GET /api/herd lists them.");
        }

        var injectable = string.Join(", ", InjectableConditions.All);
        if (string.IsNullOrWhiteSpace(body.Condition))
        {
            return Invalid("condition", $"Name the condition: one of {injectable}.");
        }

        var named = InjectableConditions.All.Where(c => string.Equals(c.ToString(), body.Condition, StringComparison.OrdinalIgnoreCase));
        if (named.Cast<HealthCondition?>().FirstOrDefault() is not { } condition)
        {
            return Invalid("condition", $"'{body.Condition}' is not a condition the simulator can inject; use one of {injectable}.");
        }

        // At least one interval, so that a reading can show it.
        var shortest = herd.SensorInterval.TotalHours;
        var longest = InjectableConditions.MaxDuration.TotalHours;
        if (body.DurationHours is { } hours && (hours < shortest || hours > longest))
        {
            return Invalid("durationHours", $"{hours} hours is not a duration the simulator takes; use {shortest:0.##} to {longest:0} hours.");
        }

        var duration = body.DurationHours is { } h ? TimeSpan.FromHours(h) : InjectableConditions.DefaultDurationOf(condition);
        if (body.Severity is { } severity)
        {
            var range = ConditionSeverity.RangeOf(condition);
            if (range is null)
            {
                return Invalid("severity", $"{condition} has no severity; leave severity out.");
            }

            if (!range.Accepts(severity))
            {
                return Invalid("severity", $"{severity} is not a severity of {condition} the simulator takes; use {range.AcceptedMin} to {range.AcceptedMax} ({range.Unit}; real cows span {range.Mildest} to {range.Strongest}).");
            }
        }

        // Try twice when the onset is left to us: the publisher may seal the next interval in between.
        for (var attempt = 0; ; attempt++)
        {
            var present = herd.Scenarios.SealedThrough ?? clock.Schedule.FirstReadingAt - herd.SensorInterval;
            var onset = body.OnsetAt ?? present + herd.SensorInterval;
            if (body.OnsetAt is not null && onset <= present)
            {
                return Invalid("onsetAt", $"{onset:O} lies in the simulated past: readings through {present:O} are already sent. Use a later time, or leave onsetAt out to start at the next interval.");
            }

            if (clock.Schedule.EndsBefore is { } end && onset >= end)
            {
                return Invalid("onsetAt", $"{onset:O} is after the backfill's end ({end:O}); nothing after it is simulated, so no reading could show the condition.");
            }

            if (onset > present + FurthestOnset)
            {
                return Invalid("onsetAt", $"{onset:O} is more than {FurthestOnset.TotalDays:0} days after the simulated present ({present:O}).");
            }

            switch (herd.Scenarios.TryInject(cow, condition, onset, duration, body.Severity, out var episode))
            {
                case InjectionOutcome.Recorded:
                    metrics.Injected(condition);
                    return TypedResults.Created((string?)null, episode);

                case InjectionOutcome.BookFull:
                    return TypedResults.Problem(
                        title: "Too many injected conditions",
                        detail: "The simulator keeps a bounded number of injected conditions and holds that many; restart it to begin a new scenario.",
                        statusCode: StatusCodes.Status409Conflict);

                case InjectionOutcome.OnsetAlreadySent when body.OnsetAt is null && attempt == 0:
                    continue;

                default:
                    return Invalid("onsetAt", $"{onset:O} lies in the simulated past: readings through {herd.Scenarios.SealedThrough:O} are already sent. Use a later time, or leave onsetAt out to start at the next interval.");
            }
        }
    }

    private static Results<Ok<GroundTruthView>, ValidationProblem> ListGroundTruth(
        string? from, string? to, string? cowId, HerdModel herd, SimulationClock clock, GroundTruth groundTruth)
    {
        SimulatedCow? cow = null;
        if (cowId is not null && (cow = herd.FindCow(cowId)) is null)
        {
            return Invalid("cowId", $"There is no cow '{cowId}' in the herd; GET /api/herd lists them.");
        }

        DateTimeOffset fromTime = default, toTime = default;
        if (from is not null && !TryParseInstant(from, out fromTime))
        {
            return Invalid("from", $"'{from}' is not an ISO 8601 time such as 2026-03-01T06:00:00Z.");
        }

        if (to is not null && !TryParseInstant(to, out toTime))
        {
            return Invalid("to", $"'{to}' is not an ISO 8601 time such as 2026-03-01T06:00:00Z.");
        }

        if (to is null)
        {
            // Up to the simulated present, and far enough to show injections scheduled after it.
            var present = (clock.ProducedThrough ?? clock.Schedule.FirstReadingAt) + herd.SensorInterval;
            var latestInjected = herd.Scenarios.All.Select(e => e.OnsetAt + TimeSpan.FromTicks(1)).DefaultIfEmpty(present).Max();
            toTime = present > latestInjected ? present : latestInjected;
        }

        if (from is null)
        {
            var earliest = toTime - GroundTruth.LongestWindow;
            fromTime = clock.Schedule.FirstReadingAt > earliest ? clock.Schedule.FirstReadingAt : earliest;
        }

        if (toTime <= fromTime)
        {
            return Invalid("to", $"{toTime:O} is not after from ({fromTime:O}).");
        }

        if (toTime - fromTime > GroundTruth.LongestWindow)
        {
            return Invalid("to", $"The window from {fromTime:O} to {toTime:O} is longer than {GroundTruth.LongestWindow.TotalDays:0} days; ask for a shorter one.");
        }

        return TypedResults.Ok(new GroundTruthView(fromTime, toTime, groundTruth.Between(fromTime, toTime, cow)));
    }

    private static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    private static string ExpectedTypeOf(string field) => field switch
    {
        "onsetAt" => "use an ISO 8601 time such as 2026-03-01T06:00:00Z",
        "durationHours" => "use a number of hours such as 48",
        "severity" => "use a number such as 0.8 (°C for a fever)",
        _ => "use a string",
    };

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: $"{field}: {message}",
            title: "The request is not valid");
}
