using System.Text;
using CowHealth.Contracts;
using CowHealth.Gateway.Cows;
using CowHealth.Storage.Alerts;

namespace CowHealth.Gateway.HerdApp.PageParts;

/// <summary>How names read on a page: "SubacuteRuminalAcidosis" as "Subacute ruminal acidosis".</summary>
public static class Labels
{
    public static string Of(HealthCondition condition) => Words(condition.ToString());

    public static string Of(AlertStatus status) => status.ToString();

    public static string Of(HealthState state) => state.ToString();

    /// <summary>The CSS class of a severity; the page always says the severity in words too.</summary>
    public static string CssOf(AlertSeverity severity) => "sev-" + severity.ToString().ToLowerInvariant();

    public static string CssOf(HealthState state) => "state-" + state.ToString().ToLowerInvariant();

    /// <summary>A reading field as evidence names it ("RumenTemperatureCelsius") in words ("Rumen temperature celsius").</summary>
    public static string OfMeasure(string measure) => Words(measure);

    /// <summary>An alert step's event type ("AlertEscalated") as a farmer says it ("Escalated").</summary>
    public static string OfStep(string eventType) => eventType switch
    {
        "AcknowledgementRejected" => "Acknowledgement rejected",
        _ when eventType.StartsWith("Alert", StringComparison.Ordinal) => Words(eventType["Alert".Length..]),
        _ => Words(eventType),
    };

    private static string Words(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                text.Append(name[i]);
            }
        }

        return text.ToString();
    }
}
