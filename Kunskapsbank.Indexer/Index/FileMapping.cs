using System.IO.MemoryMappedFiles;

namespace Kunskapsbank.Indexer.Index;

/// <summary>One index file mapped read-only into memory, shared by an input, its clones and its slices.</summary>
/// <remarks>Only the owner (the opened input or the compound-file slicer) disposes it. Lucene closes a segment's files
/// when no reader uses the segment any more, so no clone reads after that; if one did, it gets Lucene's
/// <see cref="ObjectDisposedException"/> (what Lucene treats as "already closed") from the <see cref="IsClosed"/> check, not a read of unmapped memory.</remarks>
internal sealed unsafe class FileMapping : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private volatile bool _closed;

    private FileMapping(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* start, long length)
    {
        _file = file;
        _view = view;
        Start = start;
        Length = length;
    }

    /// <summary>The first byte of the file (null for an empty file).</summary>
    public byte* Start { get; }

    /// <summary>The file's length in bytes.</summary>
    public long Length { get; }

    /// <summary>Whether the owner has unmapped the file.</summary>
    public bool IsClosed => _closed;

    /// <summary>Maps a whole file for reading.</summary>
    public static FileMapping Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        var length = stream.Length;
        if (length == 0)
        {
            // An empty file cannot be mapped (and needs no memory).
            return new FileMapping(null, null, null, 0);
        }

        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        try
        {
            var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new FileMapping(file, view, start + view.PointerOffset, length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Unmaps the file.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _file?.Dispose();
    }
}
