using System.Buffers.Binary;

namespace CowHealth.Processor.Detection;

/// <summary>Reads what <see cref="SnapshotWriter"/> wrote, failing clearly on a truncated image.</summary>
internal ref struct SnapshotReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> _buffer = buffer;
    private int _read;

    public readonly bool AtEnd => _read == _buffer.Length;

    public byte Byte() => Take(1)[0];

    public bool Bool() => Byte() != 0;

    public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    private ReadOnlySpan<byte> Take(int length)
    {
        if (_read + length > _buffer.Length)
        {
            throw new ArgumentException("The detection snapshot is truncated; discard it and the cow relearns her baselines.");
        }

        var span = _buffer.Slice(_read, length);
        _read += length;
        return span;
    }
}
