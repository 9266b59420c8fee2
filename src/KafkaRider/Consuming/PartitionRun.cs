using Confluent.Kafka;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>Consecutive records of one partition read by the poll loop and not yet handed to its worker.</summary>
internal sealed class PartitionRun
{
    private PartitionWorker? _worker;
    private List<ConsumeResult<string, byte[]>> _records = [];

    public bool IsEmpty => _worker is null;

    public int Count => _records.Count;

    public bool Continues(ConsumeResult<string, byte[]> record) =>
        _worker is null || _worker.Partition.Partition == record.Partition;

    public bool IsFor(TopicPartition partition) => _worker is not null && _worker.Partition == partition;

    public void Start(PartitionWorker worker) => _worker = worker;

    public void Add(ConsumeResult<string, byte[]> record) => _records.Add(record);

    public (PartitionWorker Worker, List<ConsumeResult<string, byte[]>> Records) Take()
    {
        var taken = (_worker!, _records);
        _worker = null;
        _records = [];
        return taken;
    }

    public void Clear()
    {
        _worker = null;
        _records = [];
    }
}
