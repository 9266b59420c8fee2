using System.ComponentModel.DataAnnotations;

namespace CowHealth.Gateway.HerdApp;

/// <summary>How the herd app shows things. Section <c>Gateway:App</c>.</summary>
public sealed class HerdAppOptions : IValidatableObject
{
    public const string Section = "Gateway:App";

    /// <summary>IANA time zone of a farm not named in <see cref="FarmTimeZones"/>. Default <c>UTC</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>IANA time zone per farm, e.g. <c>Gateway:App:FarmTimeZones:F01=Europe/Dublin</c>: the app shows that farm's times in it.</summary>
    public Dictionary<string, string> FarmTimeZones { get; set; } = [];

    /// <summary>
    /// Half the height of the band drawn around a cow's normal temperature for the hour. Default
    /// 0.5 °C: inside the fever rule's default margin (0.8 °C), so a reading outside the band is
    /// worth a look before it is an alert.
    /// </summary>
    [Range(0.05, 5.0)]
    public double NormalBandCelsius { get; set; } = 0.5;

    /// <summary>Most open alerts the herd page's action list shows (the most urgent first). Default 200.</summary>
    [Range(1, 5000)]
    public int ActionListLimit { get; set; } = 200;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (setting, zone) in FarmTimeZones.Select(f => ($"{Section}:FarmTimeZones:{f.Key}", f.Value)).Prepend(($"{Section}:TimeZone", TimeZone)))
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone ?? "", out _))
            {
                yield return new ValidationResult(
                    $"{setting} is '{zone}', which is not a time zone this machine knows; use an IANA name such as Europe/Dublin or UTC.",
                    [nameof(FarmTimeZones)]);
            }
        }
    }
}
