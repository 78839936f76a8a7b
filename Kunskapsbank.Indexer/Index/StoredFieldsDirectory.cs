using Lucene.Net.Store;

namespace Kunskapsbank.Indexer.Index;

/// <summary>The NIOFS directory the stored fields are read through, with a read buffer as large as a compressed block.</summary>
/// <remarks>Lucene's stored fields are LZ4 blocks of 16 KB; reading a passage decodes its block from the start, and
/// with the default 1 KB buffer that was a system call per kilobyte (about eight per passage, thirty passages per
/// result page). One 16 KB buffer per reading thread turns it into one or two.</remarks>
public sealed class StoredFieldsDirectory(DirectoryInfo folder) : NIOFSDirectory(folder)
{
    private const int BlockSize = 16 * 1024;

    /// <inheritdoc />
    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        if (input is BufferedIndexInput buffered)
        {
            buffered.SetBufferSize(BlockSize);
        }

        return input;
    }
}
