using System.Text.Json.Nodes;

namespace CowHealth.Tests.Observability;

/// <summary>The dashboards' structure, as Grafana's provisioning needs it; their queries are proven against a real Prometheus in <see cref="DashboardsOnRealPrometheus_Specs"/>.</summary>
public sealed class GrafanaDashboards_Specs
{
    private static readonly IReadOnlyList<Dashboard> Dashboards = GrafanaDashboards.All();

    [Fact]
    public void There_are_the_pipeline_herd_health_and_services_dashboards_with_unique_uids()
    {
        Assert.Equal(["herd-health.json", "pipeline.json", "services.json"], Dashboards.Select(d => d.File));
        var uids = Dashboards.Select(d => (string?)d.Json["uid"]).ToList();
        Assert.All(uids, uid => Assert.False(string.IsNullOrWhiteSpace(uid), "every dashboard has a uid, so links to it survive a reload"));
        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.All(Dashboards, d => Assert.True(d.Json["schemaVersion"] is not null && d.Json["title"] is not null, $"{d.File} has a title and a schema version"));
    }

    [Fact]
    public void Every_panel_has_a_unique_id_a_place_and_queries()
    {
        Assert.All(Dashboards, dashboard =>
        {
            var panels = dashboard.Panels.ToList();
            Assert.NotEmpty(panels);
            Assert.Equal(panels.Count, panels.Select(p => (int?)p["id"]).Distinct().Count());
            Assert.All(panels, panel =>
            {
                var name = $"{dashboard.Title} › {(string?)panel["title"]}";
                Assert.True(panel["gridPos"] is JsonObject { Count: > 0 } grid && grid["w"] is not null && grid["h"] is not null, $"{name} has a gridPos");
                if ((string?)panel["type"] != "row")
                {
                    Assert.True(panel["targets"] is JsonArray { Count: > 0 }, $"{name} has queries");
                }
            });
            Assert.All(dashboard.Queries, q => Assert.False(string.IsNullOrWhiteSpace(q.Expression), $"{q} has an expression"));
        });
    }

    [Fact]
    public void Every_panel_target_and_variable_uses_the_provisioned_datasource()
    {
        var wrong = Dashboards.SelectMany(dashboard =>
            dashboard.Panels.Where(p => (string?)p["type"] != "row")
                .SelectMany(panel => new[] { ($"{dashboard.Title} › {(string?)panel["title"]}", panel["datasource"]) }
                    .Concat((panel["targets"]?.AsArray() ?? []).OfType<JsonObject>()
                        .Select(t => ($"{dashboard.Title} › {(string?)panel["title"]} › {(string?)t["refId"]}", t["datasource"]))))
                .Concat(dashboard.Variables.Where(v => (string?)v["type"] == "query").Select(v => ($"{dashboard.Title} › ${(string?)v["name"]}", v["datasource"]))))
            .Where(x => (string?)x.Item2?["uid"] != GrafanaDashboards.ProvisionedDatasourceUid || (string?)x.Item2?["type"] != "prometheus")
            .Select(x => x.Item1)
            .ToList();

        Assert.True(wrong.Count == 0, $"Not on datasource {GrafanaDashboards.ProvisionedDatasourceUid}: {string.Join("; ", wrong)}");
    }

    [Fact]
    public void No_query_can_pass_by_falling_back_to_a_constant()
    {
        // "or vector(0)" would return a series even for a metric that no longer exists, and the
        // end-to-end proof that every panel shows data would prove nothing for that panel.
        Assert.All(Dashboards.SelectMany(d => d.Queries), q => Assert.DoesNotContain("vector(", q.Expression));
    }
}
