using System.Buffers.Binary;

namespace CowHealth.Processor.Detection;

/// <summary>Little-endian fields into a span, for <see cref="CowDetectionSnapshot.State"/>.</summary>
internal ref struct SnapshotWriter(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;

    public int Written { get; private set; }

    public void Byte(byte value) => _buffer[Written++] = value;

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[Written..], value);
        Written += 2;
    }

    public void Int32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer[Written..], value);
        Written += 4;
    }

    public void Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer[Written..], value);
        Written += 8;
    }

    public void Single(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(_buffer[Written..], value);
        Written += 4;
    }
}
