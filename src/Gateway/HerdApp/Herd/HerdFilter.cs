using CowHealth.Contracts;
using CowHealth.Gateway.Querying;

namespace CowHealth.Gateway.HerdApp.Herd;

/// <summary>What the herd page shows: one farm or all, one condition or all. The query names are <c>farm</c> and <c>condition</c>.</summary>
public sealed record HerdFilter(string? FarmId, HealthCondition? Condition)
{
    public static readonly HerdFilter Everything = new(null, null);

    /// <summary>The filter from the query's text, or what is wrong with it.</summary>
    public static (HerdFilter? Filter, IReadOnlyList<string> Problems) Parse(string? farm, string? condition)
    {
        var errors = new ParameterErrors();
        // An empty choice in the form means "all", not a bad id.
        var farmId = errors.Id(string.IsNullOrEmpty(farm) ? null : farm, "farm");
        var chosen = errors.Enum<HealthCondition>(string.IsNullOrEmpty(condition) ? null : condition, "condition");
        return errors.Any ? (null, errors.Messages) : (new HerdFilter(farmId, chosen), []);
    }

    /// <summary>The query string that asks for this filter, e.g. <c>?farm=F01&amp;condition=Fever</c>; empty for everything.</summary>
    public string Query()
    {
        var parts = new List<string>(2);
        if (FarmId is not null)
        {
            parts.Add("farm=" + Uri.EscapeDataString(FarmId));
        }

        if (Condition is { } c)
        {
            parts.Add("condition=" + c);
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
