using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.KafkaRider.Registration;
using MassTransit;
using CowHealth.Simulator.Clock;
using CowHealth.Simulator.Conditions;
using CowHealth.Simulator.FakeApi;
using CowHealth.Simulator.Herd;
using CowHealth.Simulator.Publishing;

namespace CowHealth.Simulator;

public static class SimulatorExtensions
{
    /// <summary>The herd model, its conditions and ground truth, its clock, and the producer that sends its readings.</summary>
    public static IHostApplicationBuilder AddSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HerdOptions>().Bind(builder.Configuration.GetSection(HerdOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ConditionOptions>().Bind(builder.Configuration.GetSection(ConditionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SimulationOptions>().Bind(builder.Configuration.GetSection(SimulationOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<FakeApiOptions>().Bind(builder.Configuration.GetSection(FakeApiOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ScenarioBook>();
        builder.Services.AddSingleton<HerdModel>();
        builder.Services.AddSingleton<GroundTruth>();
        builder.Services.AddSingleton<SimulationClock>();
        builder.Services.AddSingleton<RecentReadings>();
        builder.Services.AddSingleton<SimulatorMetrics>();
        if (builder.Configuration.GetSection(FakeApiOptions.Section).Get<FakeApiOptions>() is { ServeOnly: true })
        {
            builder.Services.AddSingleton<ITopicProducer<SensorReading>, FakeApiOnlyDelivery>();
        }
        else
        {
            builder.Services.AddMassTransit(bus =>
            {
                bus.UsingInMemory();
                bus.AddRider(rider => rider.AddProducer<SensorReading>(Topics.Readings));
            });
        }

        // Before the publisher: scheduled conditions must be in the book before the first interval is sealed.
        builder.Services.AddHostedService<ScheduledConditions>();
        builder.Services.AddHostedService<ReadingPublisher>();
        return builder;
    }
}
