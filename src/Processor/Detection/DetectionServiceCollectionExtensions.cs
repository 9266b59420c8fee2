using Microsoft.Extensions.Options;

namespace CowHealth.Processor.Detection;

public static class DetectionServiceCollectionExtensions
{
    /// <summary>
    /// The detection rules: <see cref="DetectionOptions"/> bound from <c>Detection</c> (farm
    /// overrides layered on the defaults) and validated at start-up, and one <see cref="HerdDetector"/>.
    /// </summary>
    public static IServiceCollection AddDetection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DetectionOptions>()
            .Configure(options => DetectionOptions.Bind(configuration.GetSection(DetectionOptions.Section), options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DetectionOptions>, DetectionOptionsValidator>();
        services.AddSingleton<HerdDetector>();
        return services;
    }
}
