using System.Text;
using Confluent.Kafka;
using MassTransit.Transports;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>Kafka record headers as MassTransit transport headers; values are UTF-8 text.</summary>
internal sealed class KafkaHeaderProvider(Headers? headers) : IHeaderProvider
{
    public IEnumerable<KeyValuePair<string, object>> GetAll() =>
        headers?.Select(h => KeyValuePair.Create(h.Key, (object)Encoding.UTF8.GetString(h.GetValueBytes()))) ?? [];

    public bool TryGetHeader(string key, out object value)
    {
        if (headers is not null && headers.TryGetLastBytes(key, out var bytes))
        {
            value = Encoding.UTF8.GetString(bytes);
            return true;
        }

        value = null!;
        return false;
    }
}
