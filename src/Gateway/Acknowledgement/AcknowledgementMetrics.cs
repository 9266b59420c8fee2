using System.Diagnostics.Metrics;

namespace CowHealth.Gateway.Acknowledgement;

/// <summary>
/// How acknowledgements end, on meter <c>CowHealth.Gateway</c> (<c>cowhealth_gateway_acknowledgements</c>),
/// by outcome. Refusals for a bad key, body or rate are in the HTTP metrics by status code.
/// </summary>
public sealed class AcknowledgementMetrics(IMeterFactory meters)
{
    public const string MeterName = "CowHealth.Gateway";

    private readonly Counter<long> _acknowledgements = meters.Create(MeterName).CreateCounter<long>(
        "acknowledgements", "{request}",
        "Acknowledgements by outcome: accepted (the command is on Kafka), unknown_alert, already_resolved, not_confirmed (Kafka did not confirm in time).");

    public void Accepted() => Count("accepted");

    public void UnknownAlert() => Count("unknown_alert");

    public void AlreadyResolved() => Count("already_resolved");

    public void NotConfirmed() => Count("not_confirmed");

    private void Count(string outcome) => _acknowledgements.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
