using Lucene.Net.Store;

namespace Kunskapsbank.Indexer.Index;

/// <summary>An index folder whose files are read memory-mapped through <see cref="MappedIndexInput"/> (writing as any
/// file-system directory).</summary>
/// <remarks>
/// Replaces Lucene.Net's <see cref="MMapDirectory"/> for postings, terms, doc values and norms. A profile of the facet
/// search had a sixth of its time in reading single bytes through J2N's bounds-checked buffers, and every clone of a
/// mapped input (several per search) went into a <c>ConditionalWeakTable</c>, whose dependent handles every
/// collection, even gen0, must walk (measured in ARCHITECTURE.md, decision 30).
/// </remarks>
public sealed class MappedDirectory(DirectoryInfo folder) : FSDirectory(folder)
{
    /// <inheritdoc />
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var mapping = FileMapping.Open(path);
        return new MappedIndexInput($"MappedIndexInput(path=\"{path}\")", mapping, 0, mapping.Length, ownsMapping: true);
    }

    /// <inheritdoc />
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        return new Slicer(path, FileMapping.Open(path));
    }

    // A compound file: its parts are slices of one mapping, unmapped when the compound file is closed.
    private sealed class Slicer(string path, FileMapping mapping) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new MappedIndexInput($"MappedIndexInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", mapping, offset, length, ownsMapping: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, mapping.Length);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                mapping.Dispose();
            }
        }
    }
}
