namespace CowHealth.LocalRun;

/// <summary>The banner that tells a first-time user where everything is.</summary>
internal static class WhereToLook
{
    public static void Print(CowHealthLocalRun run, TextWriter output)
    {
        var gateway = run.GatewayUrl.ToString().TrimEnd('/');
        output.WriteLine();
        output.WriteLine("CowHealth is running. Press Ctrl+C to stop.");
        output.WriteLine($"  Cows (REST API)      {gateway}/api/cows");
        output.WriteLine($"  API reference        {gateway}/scalar");
        output.WriteLine($"  Live alerts (SSE)    {gateway}/api/alerts/stream");
        output.WriteLine(run.GatewayAcceptsWrites
            ? $"  Acknowledge alerts   POST {gateway}/api/alerts/{{alertId}}/acknowledge with your key in X-Api-Key"
            : "  Acknowledge alerts   disabled until an API key is set: --Gateway:ApiKeys:<client-name>=<key of 16+ characters>");
        output.WriteLine($"  OpenAPI document     {gateway}/openapi/v1.json");
        output.WriteLine($"  Gateway metrics      {gateway}/metrics");
        output.WriteLine($"  Processor metrics    {run.ProcessorUrl.ToString().TrimEnd('/')}/metrics");
        output.WriteLine($"  Simulator herd       {run.SimulatorUrl.ToString().TrimEnd('/')}/api/herd");
        output.WriteLine($"  Kafka                {run.KafkaBootstrapServers}" + (run.EmbeddedBroker is null ? string.Empty : " (embedded broker; kcat -b " + run.KafkaBootstrapServers + " -L)"));
        output.WriteLine();
    }
}
