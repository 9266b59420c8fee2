using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CowHealth.Processor.Detection;

/// <summary>
/// Checks every section of the defaults and of each farm override (ranges, and that each clearing
/// threshold lies on the clear side of its detection threshold), naming the setting that is wrong.
/// </summary>
public sealed class DetectionOptionsValidator : IValidateOptions<DetectionOptions>
{
    public ValidateOptionsResult Validate(string? name, DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(DetectionOptions.Section, options, failures);
        foreach (var (farmId, farm) in options.Farms)
        {
            Check($"{DetectionOptions.Section}:{nameof(DetectionOptions.Farms)}:{farmId}", farm, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every failure, for callers that bypass the options pipeline.</summary>
    public static void ThrowIfInvalid(DetectionOptions options)
    {
        var result = new DetectionOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(nameof(DetectionOptions), typeof(DetectionOptions), result.Failures);
        }
    }

    private static void Check(string path, DetectionSettings settings, List<string> failures)
    {
        Collect(path, settings, failures);
        foreach (var (name, section) in settings.Sections())
        {
            if (section is null)
            {
                failures.Add($"{path}:{name} is missing.");
                continue;
            }

            Collect($"{path}:{name}", section, failures);
        }
    }

    private static void Collect(string path, object section, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = string.Join(", ", result.MemberNames.Select(member => $"{path}:{member}"));
            failures.Add($"{members}: {result.ErrorMessage}");
        }
    }
}
