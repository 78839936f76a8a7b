using System.Buffers.Binary;
using Lucene.Net.Store;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Reads a mapped index file (or a slice of one) straight from memory, a byte at a time as cheaply as an array.</summary>
/// <remarks>Lucene.Net's own memory-mapped input reads every byte through a bounds-checked buffer object and registers
/// every clone in a weak table; see <see cref="MappedDirectory"/> for why both mattered.</remarks>
internal sealed unsafe class MappedIndexInput : IndexInput
{
    private readonly FileMapping _mapping;
    private readonly byte* _start;
    private readonly long _length;
    private readonly bool _ownsMapping;
    private long _position;

    /// <summary>Creates an input over <paramref name="length"/> bytes from <paramref name="offset"/> of a mapping.</summary>
    /// <param name="ownsMapping">Whether disposing this input unmaps the file (the opened input; never a clone or a slice).</param>
    public MappedIndexInput(string description, FileMapping mapping, long offset, long length, bool ownsMapping)
        : base(description)
    {
        if (offset < 0 || length < 0 || offset + length > mapping.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"slice {offset}+{length} outside {mapping.Length} bytes: {description}");
        }

        _mapping = mapping;
        _start = mapping.Start + offset;
        _length = length;
        _ownsMapping = ownsMapping;
    }

    /// <inheritdoc />
    public override long Length => _length;

    /// <inheritdoc />
    public override long Position => _position;

    /// <inheritdoc />
    public override byte ReadByte()
    {
        var position = _position;
        if ((ulong)position >= (ulong)_length)
        {
            throw PastEnd(1);
        }

        EnsureMapped();
        _position = position + 1;
        return _start[position];
    }

    /// <inheritdoc />
    public override void ReadBytes(byte[] b, int offset, int len)
    {
        ArgumentNullException.ThrowIfNull(b);
        Source(len).CopyTo(b.AsSpan(offset, len));
        _position += len;
    }

    /// <inheritdoc />
    public override short ReadInt16()
    {
        var value = BinaryPrimitives.ReadInt16BigEndian(Source(2));
        _position += 2;
        return value;
    }

    /// <inheritdoc />
    public override int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(Source(4));
        _position += 4;
        return value;
    }

    /// <inheritdoc />
    public override long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64BigEndian(Source(8));
        _position += 8;
        return value;
    }

    /// <inheritdoc />
    public override int ReadVInt32()
    {
        // The postings' tail blocks and the terms dictionary are variable-length integers: the hot loop of a search.
        if (_length - _position < 5)
        {
            return base.ReadVInt32();
        }

        EnsureMapped();
        var p = _start + _position;
        int b = p[0];
        var value = b & 0x7F;
        var read = 1;
        while (b >= 0x80)
        {
            if (read == 5)
            {
                throw new IOException("Invalid VInt32 detected (too many bits): " + this);
            }

            b = p[read];
            value |= (b & 0x7F) << (7 * read);
            read++;
        }

        if (read == 5 && (b & 0xF0) != 0)
        {
            throw new IOException("Invalid VInt32 detected (too many bits): " + this);
        }

        _position += read;
        return value;
    }

    /// <inheritdoc />
    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _length)
        {
            throw new EndOfStreamException($"seek to {pos} outside 0..{_length}: {this}");
        }

        _position = pos;
    }

    /// <inheritdoc />
    public override void SkipBytes(long numBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numBytes);
        Seek(_position + numBytes);
    }

    /// <inheritdoc />
    public override object Clone()
    {
        EnsureMapped();
        return new MappedIndexInput(ToString(), _mapping, _start - _mapping.Start, _length, ownsMapping: false) { _position = _position };
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsMapping)
        {
            _mapping.Dispose();
        }
    }

    private ReadOnlySpan<byte> Source(int count)
    {
        if (count < 0 || count > _length - _position)
        {
            throw PastEnd(count);
        }

        EnsureMapped();
        return new ReadOnlySpan<byte>(_start + _position, count);
    }

    private void EnsureMapped()
    {
        if (_mapping.IsClosed)
        {
            throw new ObjectDisposedException(ToString(), "The index file is closed (its segment has no readers left).");
        }
    }

    private EndOfStreamException PastEnd(int count) => new($"read {count} bytes past the end ({_position} of {_length}): {this}");
}
