using System.Globalization;

namespace CowHealth.Testing;

/// <summary>One scrape of a <c>/metrics</c> page in Prometheus's text format, as series with labels and values.</summary>
public sealed class ScrapedMetrics
{
    private ScrapedMetrics(IReadOnlyList<ScrapedSeries> series) => Series = series;

    public IReadOnlyList<ScrapedSeries> Series { get; }

    public IEnumerable<string> Names => Series.Select(s => s.Name).Distinct();

    public static async Task<ScrapedMetrics> From(Uri service)
    {
        using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
        return Parse(await http.GetStringAsync("/metrics"));
    }

    public static ScrapedMetrics Parse(string text) =>
        new(text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(ScrapedSeries.Parse).ToList());

    public bool Has(string name) => Series.Any(s => s.Name == name);

    /// <summary>Sum of the series called <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        Series.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Label) == l.Value)).Sum(s => s.Value);
}

public sealed record ScrapedSeries(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public static ScrapedSeries Parse(string line)
    {
        var braces = line.IndexOf('{');
        var lastSpace = line.LastIndexOf(' ');
        // OpenMetrics may add a timestamp or exemplar after the value; prometheus-net's plain text has neither.
        var value = double.Parse(line[(lastSpace + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
        if (braces < 0)
        {
            return new ScrapedSeries(line[..lastSpace], new Dictionary<string, string>(), value);
        }

        var labels = new Dictionary<string, string>();
        var body = line[(braces + 1)..line.LastIndexOf('}')];
        var at = 0;
        while (at < body.Length)
        {
            var equals = body.IndexOf('=', at);
            var name = body[at..equals].TrimStart(',');
            var end = equals + 2;
            var text = new System.Text.StringBuilder();
            while (body[end] != '"')
            {
                text.Append(body[end] == '\\' ? body[++end] : body[end]);
                end++;
            }

            labels[name] = text.ToString();
            at = end + 1;
        }

        return new ScrapedSeries(line[..braces], labels, value);
    }
}
