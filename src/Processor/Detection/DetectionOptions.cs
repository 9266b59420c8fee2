using Microsoft.Extensions.Configuration;

namespace CowHealth.Processor.Detection;

/// <summary>
/// Section <c>Detection</c>: the herd-wide defaults of every rule, and per-farm overrides under
/// <c>Detection:Farms:&lt;farmId&gt;</c> that change only the settings they name.
/// </summary>
public sealed class DetectionOptions : DetectionSettings
{
    public const string Section = "Detection";

    /// <summary>
    /// Settings per farm id. Bound by <see cref="Bind"/>, each farm starts as a copy of the
    /// defaults above, so <c>Detection:Farms:F07:Fever:MarginCelsius</c> changes that one number.
    /// Farm ids are matched ignoring case, as configuration keys are.
    /// </summary>
    public Dictionary<string, DetectionSettings> Farms { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The settings that apply to <paramref name="farmId"/>.</summary>
    public DetectionSettings For(string farmId) => Farms.TryGetValue(farmId, out var farm) ? farm : this;

    /// <summary>Binds <paramref name="section"/> (the <c>Detection</c> section) with farm overrides layered on the defaults.</summary>
    public static void Bind(IConfiguration section, DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        section.Bind(options);
        // The binder would start each farm from the class defaults; a farm override must start
        // from the herd's configured defaults instead, so farms are bound again onto copies.
        options.Farms = new Dictionary<string, DetectionSettings>(StringComparer.OrdinalIgnoreCase);
        foreach (var farm in section.GetSection(nameof(Farms)).GetChildren())
        {
            var settings = options.CopySettings();
            farm.Bind(settings);
            options.Farms[farm.Key] = settings;
        }
    }
}
