using CowHealth.Processor.Detection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CowHealth.Tests.Detection;

/// <summary>Detection settings as an operator writes them: defaults, farm overrides, mistakes.</summary>
public sealed class DetectionOptions_Specs
{
    [Fact]
    public void A_farm_override_changes_only_what_it_names_and_inherits_the_herds_configured_defaults()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Detection:Fever:MarginCelsius"] = "0.9",
            ["Detection:Heat:SustainedFor"] = "02:00:00",
            ["Detection:Farms:F07:Fever:HighMarginCelsius"] = "1.2",
            ["Detection:Farms:F07:SensorOffline:SilentFor"] = "04:00:00",
        });

        var farm = options.For("F07");
        Assert.Equal((0.9, 1.2, TimeSpan.FromHours(2), TimeSpan.FromHours(4)),
            (farm.Fever.MarginCelsius, farm.Fever.HighMarginCelsius, farm.Heat.SustainedFor, farm.SensorOffline.SilentFor));
        Assert.Equal((0.9, 1.5, TimeSpan.FromHours(2)), (options.For("F01").Fever.MarginCelsius, options.Fever.HighMarginCelsius, options.Heat.SustainedFor));
        Assert.Same(options.For("f07"), farm);
    }

    [Fact]
    public void Settings_that_contradict_themselves_are_refused_at_start_naming_the_setting()
    {
        var configuration = Configuration(new Dictionary<string, string?>
        {
            ["Detection:Farms:F03:Fever:ClearMarginCelsius"] = "1.0",
            ["Detection:Calving:SustainedFor"] = "-01:00:00",
            ["Detection:Farms:F04:ExcessiveDrinking:ClearIntakeRatio"] = "1.8",
        });
        using var services = new ServiceCollection().AddDetection(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<HerdDetector>());

        Assert.Contains(error.Failures, f => f.Contains("Detection:Farms:F03:Fever:ClearMarginCelsius", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Detection:Calving:SustainedFor", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Detection:Farms:F04:ExcessiveDrinking:ClearIntakeRatio", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid_and_a_detector_is_registered_with_them()
    {
        using var services = new ServiceCollection().AddDetection(Configuration([])).BuildServiceProvider();

        Assert.Equal(0, services.GetRequiredService<HerdDetector>().TrackedCows);
        Assert.False(new DetectionOptionsValidator().Validate(null, new DetectionOptions()).Failed);
    }

    private static DetectionOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new DetectionOptions();
        DetectionOptions.Bind(Configuration(settings).GetSection(DetectionOptions.Section), options);
        return options;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
