using System.Net;
using System.Net.Http.Json;
using System.Text;
using CowHealth.Contracts;
using CowHealth.Simulator;
using CowHealth.Simulator.Clock;
using CowHealth.Simulator.Herd;
using CowHealth.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CowHealth.Tests.Simulator;

/// <summary>The Fake API's contract, over real HTTP: the herd, the polling view, scenarios and their 400s.</summary>
public sealed class FakeApi_Specs
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_herd_lists_every_cow_with_her_sensor()
    {
        await using var simulator = await SimulatorHost.StartAsync(SimulatorHost.Backfill(Start, 0, cows: 7));

        var herd = await simulator.Http.GetFromJsonAsync<List<HerdCowBody>>("/api/herd");

        Assert.Equal(7, herd!.Count);
        Assert.Equal(7, herd.Select(c => c.SensorId).Distinct().Count());
        Assert.All(herd, c => Assert.Equal("F01", c.FarmId));
        Assert.Contains(herd, c => c.CowId == "F01-C0007");
    }

    [Fact]
    public async Task Readings_are_polled_in_the_order_sent_and_next_continues_where_a_page_ended()
    {
        await using var simulator = await SimulatorHost.StartAsync(SimulatorHost.Backfill(Start, 0.5, cows: 3));
        var model = simulator.Services.GetRequiredService<HerdModel>();
        var sent = Enumerable.Range(0, 72).Select(n => Start + (n * model.SensorInterval))
            .SelectMany(at => model.Cows.Select(c => model.ReadingOf(c, at))).OfType<SensorReading>().ToList();
        await Eventually.Until(
            async () => (await simulator.Http.GetFromJsonAsync<PageBody>($"/api/readings?since={sent.Count - 1}"))!.Readings.Count == 1 ? "done" : null,
            TimeSpan.FromSeconds(30),
            "the backfill to finish");

        var polled = new List<SensorReading>();
        var since = 0L;
        while (true)
        {
            var page = await simulator.Http.GetFromJsonAsync<PageBody>($"/api/readings?since={since}&limit=50");
            Assert.Equal(0, page!.Missed);
            if (page.Readings.Count == 0)
            {
                break;
            }

            Assert.True(page.Readings.Count <= 50);
            polled.AddRange(page.Readings);
            since = page.Next;
        }

        Assert.Equal(sent, polled);
        var afterNoon = await simulator.Http.GetFromJsonAsync<PageBody>($"/api/readings?since={Uri.EscapeDataString(Start.AddHours(11).AddMinutes(50).ToString("O"))}");
        Assert.Equal(sent.Where(r => r.MeasuredAt > Start.AddHours(11).AddMinutes(50)), afterNoon!.Readings);
    }

    [Theory]
    [InlineData("since=yesterday", "since")]
    [InlineData("since=-1", "since")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("limit=ten", "limit")]
    public async Task A_bad_poll_is_a_400_problem_naming_the_field(string query, string field)
    {
        await using var simulator = await SimulatorHost.StartAsync(SimulatorHost.Backfill(Start, 0, cows: 2));

        await AssertProblemNaming(await simulator.Http.GetAsync($"/api/readings?{query}"), field);
    }

    [Fact]
    public async Task An_injected_condition_is_in_the_ground_truth_and_in_the_readings_sent()
    {
        await using var simulator = await SimulatorHost.StartAsync(Accelerated());
        var herd = simulator.Services.GetRequiredService<HerdModel>();
        var cow = herd.Cows[1];

        var response = await simulator.Http.PostAsJsonAsync("/api/scenarios", new { cowId = cow.CowId, condition = "SensorOffline", durationHours = 2 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var injected = await response.Content.ReadFromJsonAsync<EpisodeBody>();
        Assert.Equal((cow.CowId, cow.FarmId, "SensorOffline", "Injected", TimeSpan.FromHours(2)), (injected!.CowId, injected.FarmId, injected.Condition, injected.Origin, injected.EndsAt - injected.OnsetAt));

        var truth = await simulator.Http.GetFromJsonAsync<GroundTruthBody>($"/api/scenarios?cowId={cow.CowId}");
        Assert.Contains(injected, truth!.Conditions);

        // Once the clock has passed the end, the readings sent show the bolus silent for exactly those two hours.
        var clock = simulator.Services.GetRequiredService<SimulationClock>();
        await Eventually.Until(() => Task.FromResult(clock.ProducedThrough > injected.EndsAt ? "passed" : null), TimeSpan.FromSeconds(30), "the simulation to pass the injected condition");
        var sent = await ReadingsMeasuredFrom(simulator, injected.OnsetAt, injected.EndsAt + herd.SensorInterval);
        Assert.DoesNotContain(sent, r => r.CowId == cow.CowId && r.MeasuredAt < injected.EndsAt);
        Assert.Contains(sent, r => r.CowId == cow.CowId && r.MeasuredAt == injected.EndsAt);
        Assert.Equal(12, sent.Count(r => r.CowId == herd.Cows[0].CowId && r.MeasuredAt < injected.EndsAt));
    }

    [Theory]
    [InlineData("""{"condition":"Fever"}""", "cowId")]
    [InlineData("""{"cowId":"F01-C9999","condition":"Fever"}""", "cowId")]
    [InlineData("""{"cowId":42,"condition":"Fever"}""", "cowId")]
    [InlineData("""{"cowId":"F01-C0001"}""", "condition")]
    [InlineData("""{"cowId":"F01-C0001","condition":"Flu"}""", "condition")]
    [InlineData("""{"cowId":"F01-C0001","condition":"RuminationDrop"}""", "condition")]
    [InlineData("""{"cowId":"F01-C0001","condition":"Fever","onsetAt":"next tuesday"}""", "onsetAt")]
    [InlineData("""{"cowId":"F01-C0001","condition":"Fever","onsetAt":"2020-01-01T00:00:00Z"}""", "onsetAt")]
    [InlineData("""{"cowId":"F01-C0001","condition":"Fever","onsetAt":"9999-01-01T00:00:00Z"}""", "onsetAt")]
    [InlineData("""{"cowId":"F01-C0001","condition":"Fever","durationHours":0}""", "durationHours")]
    [InlineData("""{"cowId":"F01-C0001","condition":"Fever","durationHours":-3}""", "durationHours")]
    [InlineData("""{"cowId":"F01-C0001","condition":"Fever","durationHours":100000}""", "durationHours")]
    [InlineData("""{"cowId":"F01-C0001","condition":"Fever","durationHours":"long"}""", "durationHours")]
    [InlineData("""{"cowId":"F01-C0001","condition":"Fever","severity":9}""", "severity")]
    [InlineData("""{"cowId":"F01-C0001","condition":"Fever","severity":"high"}""", "severity")]
    [InlineData("""{"cowId":"F01-C0001","condition":"SensorOffline","severity":1}""", "severity")]
    [InlineData("""not json""", "body")]
    [InlineData("""null""", "body")]
    public async Task A_bad_scenario_is_a_400_problem_naming_the_field(string body, string field)
    {
        await using var simulator = await SimulatorHost.StartAsync(Accelerated());

        var response = await simulator.Http.PostAsync("/api/scenarios", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemNaming(response, field);
        Assert.DoesNotContain((await simulator.Http.GetFromJsonAsync<GroundTruthBody>("/api/scenarios?cowId=F01-C0001"))!.Conditions, c => c.Origin == "Injected");
    }

    [Fact]
    public async Task A_condition_injected_with_a_severity_keeps_it_in_the_ground_truth_and_excessive_drinking_can_be_injected()
    {
        await using var simulator = await SimulatorHost.StartAsync(Accelerated());

        var fever = await simulator.Http.PostAsJsonAsync("/api/scenarios", new { cowId = "F01-C0001", condition = "Fever", severity = 0.7 });
        var drinking = await simulator.Http.PostAsJsonAsync("/api/scenarios", new { cowId = "F01-C0002", condition = "ExcessiveDrinking" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (fever.StatusCode, drinking.StatusCode));
        var truth = (await simulator.Http.GetFromJsonAsync<GroundTruthBody>("/api/scenarios"))!.Conditions;
        Assert.Equal(0.7, truth.Single(c => c.CowId == "F01-C0001").Severity);
        // Left out, the severity is drawn from the documented range (1.8–3 times her drinking cycles).
        Assert.InRange(truth.Single(c => c.CowId == "F01-C0002").Severity!.Value, 1.8, 3.0);
    }

    [Fact]
    public async Task The_clock_tells_the_simulated_present_and_the_earliest_onset_an_injection_may_have()
    {
        await using var simulator = await SimulatorHost.StartAsync(SimulatorHost.Backfill(Start, 0.5, cows: 2));
        var clock = simulator.Services.GetRequiredService<SimulationClock>();
        var lastInterval = Start.AddHours(12).AddMinutes(-10);
        await Eventually.Until(() => Task.FromResult(clock.ProducedThrough == lastInterval ? "done" : null), TimeSpan.FromSeconds(30), "the backfill to finish");

        var present = await simulator.Http.GetFromJsonAsync<ClockBody>("/api/clock");

        Assert.Equal(new ClockBody("Backfill", lastInterval, Start.AddHours(12), Start, Start.AddHours(12), 10), present);
    }

    [Fact]
    public async Task A_condition_after_the_end_of_a_backfill_is_a_400_problem_naming_onsetAt()
    {
        await using var simulator = await SimulatorHost.StartAsync(SimulatorHost.Backfill(Start, 0.5, cows: 2));

        var response = await simulator.Http.PostAsJsonAsync("/api/scenarios", new { cowId = "F01-C0001", condition = "Heat", onsetAt = Start.AddDays(2) });

        await AssertProblemNaming(response, "onsetAt");
    }

    [Theory]
    [InlineData("from=soon", "from")]
    [InlineData("to=later", "to")]
    [InlineData("cowId=F01-C9999", "cowId")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    [InlineData("from=2020-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    public async Task A_bad_ground_truth_question_is_a_400_problem_naming_the_field(string query, string field)
    {
        await using var simulator = await SimulatorHost.StartAsync(SimulatorHost.Backfill(Start, 0, cows: 2));

        await AssertProblemNaming(await simulator.Http.GetAsync($"/api/scenarios?{query}"), field);
    }

    [Fact]
    public async Task Ground_truth_includes_conditions_that_arose_on_their_own()
    {
        var settings = SimulatorHost.Backfill(Start, 0, cows: 50);
        settings["Conditions:FeverPerCowYear"] = "20";
        await using var simulator = await SimulatorHost.StartAsync(settings);

        var truth = await simulator.Http.GetFromJsonAsync<GroundTruthBody>("/api/scenarios?from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z");

        Assert.Contains(truth!.Conditions, c => c is { Condition: "Fever", Origin: "Spontaneous" });
        Assert.Contains(truth.Conditions, c => c.Condition == "Heat");
        Assert.All(truth.Conditions, c => Assert.True(c.EndsAt > truth.From && c.OnsetAt < truth.To));
    }

    [Fact]
    public async Task Metrics_show_readings_produced_and_conditions_by_kind_but_no_cow()
    {
        await using var simulator = await SimulatorHost.StartAsync(SimulatorHost.Backfill(Start, 0.1, cows: 4));
        var clock = simulator.Services.GetRequiredService<SimulationClock>();
        await Eventually.Until(() => Task.FromResult(clock.Lag() == TimeSpan.Zero && clock.ProducedThrough is not null ? "done" : null), TimeSpan.FromSeconds(30), "the backfill to finish");

        var metrics = await simulator.Http.GetStringAsync("/metrics");

        var simulatorLines = metrics.Split('\n').Where(l => l.StartsWith("cowhealth_simulator", StringComparison.Ordinal)).ToList();
        // 0.1 day is fifteen intervals of four cows; this service's registry shows only its own.
        Assert.Equal(60, simulator.Services.GetRequiredService<SimulatorMetrics>().ReadingsProduced);
        var produced = simulatorLines.Single(l => l.StartsWith("cowhealth_simulator_readings_produced ", StringComparison.Ordinal));
        Assert.Equal("cowhealth_simulator_readings_produced 60", produced.Trim());
        Assert.Contains(simulatorLines, l => l.StartsWith("cowhealth_simulator_conditions_active", StringComparison.Ordinal) && l.Contains("condition=\"Fever\""));
        Assert.Contains(simulatorLines, l => l.StartsWith("cowhealth_simulator_clock_lag", StringComparison.Ordinal));
        Assert.DoesNotContain(simulatorLines, l => l.Contains("F01-C", StringComparison.Ordinal) || l.Contains("cow_id", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await simulator.Http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await simulator.Http.GetAsync("/health/ready")).StatusCode);
    }

    /// <summary>A simulation that starts ten days back and races toward now, so simulated hours pass in a blink.</summary>
    private static Dictionary<string, string> Accelerated() => new()
    {
        ["Herd:CowsPerFarm"] = "3",
        ["Conditions:Spontaneous"] = "false",
        ["Simulation:Mode"] = "Accelerated",
        ["Simulation:CatchUpDays"] = "10",
        ["Simulation:SimulatedMinutesPerSecond"] = "600",
        ["FakeApi:RecentReadingsKept"] = "100000",
    };

    private static async Task<List<SensorReading>> ReadingsMeasuredFrom(SimulatorHost simulator, DateTimeOffset from, DateTimeOffset to)
    {
        var readings = new List<SensorReading>();
        var page = await simulator.Http.GetFromJsonAsync<PageBody>($"/api/readings?since={Uri.EscapeDataString(from.AddTicks(-1).ToString("O"))}&limit=1000");
        while (page!.Readings.Count > 0 && readings.Count < 100_000)
        {
            readings.AddRange(page.Readings.Where(r => r.MeasuredAt < to));
            if (page.Readings[^1].MeasuredAt >= to)
            {
                break;
            }

            page = await simulator.Http.GetFromJsonAsync<PageBody>($"/api/readings?since={page.Next}&limit=1000");
        }

        return readings;
    }

    private static async Task AssertProblemNaming(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.Equal(400, problem!.Status);
        Assert.True(problem.Errors.ContainsKey(field), $"the problem names {string.Join(", ", problem.Errors.Keys)}, not {field}");
        Assert.StartsWith(field + ":", problem.Detail, StringComparison.Ordinal);
    }

    private sealed record HerdCowBody(string CowId, string FarmId, string SensorId, bool HasPhBolus);

    private sealed record PageBody(List<SensorReading> Readings, long Next, long Missed);

    private sealed record EpisodeBody(Guid EpisodeId, string CowId, string FarmId, string Condition, DateTimeOffset OnsetAt, DateTimeOffset EndsAt, string Origin, double? Severity);

    private sealed record ClockBody(string Mode, DateTimeOffset? ProducedThrough, DateTimeOffset NextInjectableAt, DateTimeOffset FirstReadingAt, DateTimeOffset? EndsBefore, double SensorIntervalMinutes);

    private sealed record GroundTruthBody(DateTimeOffset From, DateTimeOffset To, List<EpisodeBody> Conditions);

    private sealed record ProblemBody(string Title, int Status, string Detail, Dictionary<string, string[]> Errors);
}
