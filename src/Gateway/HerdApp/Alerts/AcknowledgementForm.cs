namespace CowHealth.Gateway.HerdApp.Alerts;

/// <summary>The Acknowledge form's fields, checked by <see cref="Acknowledgement.AcknowledgementRequest.Validate"/> like the API's body.</summary>
public sealed class AcknowledgementForm
{
    public string? AcknowledgedBy { get; set; }

    public string? Note { get; set; }
}
