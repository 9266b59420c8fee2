using System.Security.Cryptography;
using System.Text;
using CowHealth.Contracts;

namespace CowHealth.Storage.Alerts;

/// <summary>
/// Identifiers derived from what they identify (a name-based hash in the shape of an RFC 4122 version 5 UUID), so a
/// re-run of the same readings, after a crash for instance, produces the same saga, alert and event ids.
/// </summary>
public static class CowAlertIdentity
{
    public static Guid SagaOf(string cowId, HealthCondition condition) => Derive($"saga|{cowId}|{condition}");

    public static Guid AlertOf(string cowId, HealthCondition condition, DateTime raisedAt) =>
        Derive($"alert|{cowId}|{condition}|{raisedAt.Ticks}");

    public static Guid EventOf(Guid alertId, string eventType, DateTime occurredAt) =>
        Derive($"event|{alertId}|{eventType}|{occurredAt.Ticks}");

    /// <summary>The one answer to an acknowledgement command (its acknowledgement or its rejection), derived from the command itself.</summary>
    public static Guid AnswerTo(AcknowledgeAlert command) => command.AcknowledgementId != Guid.Empty
        ? Derive($"answer|{command.AcknowledgementId}")
        : Derive($"answer|{command.AlertId}|{command.AcknowledgedBy}|{command.RequestedAt.UtcTicks}");

    private static Guid Derive(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}
