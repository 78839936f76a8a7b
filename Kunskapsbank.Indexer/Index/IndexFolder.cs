using System.Collections.Frozen;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Decides what an index folder holds before anything writes to it: ours, older, newer, foreign or nothing.</summary>
/// <remarks>A folder that holds something else is refused and never touched: a mistyped --index must not delete a
/// user's files. Lucene files without a commit are an index whose creation was cut off (killed before its first
/// commit): there is nothing in them to lose, so the index is created anew.</remarks>
public static class IndexFolder
{
    // Lucene 4.x stored-field data and index files (frozen: FileSwitchDirectory asks Contains from any thread).
    private static readonly FrozenSet<string> StoredFieldExtensions = new[] { "fdt", "fdx" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What the folder holds.</summary>
    public enum State
    {
        /// <summary>Nothing yet (or an interrupted creation): create.</summary>
        Empty,

        /// <summary>An index of this schema version.</summary>
        Current,

        /// <summary>An index of an older schema version: rebuild.</summary>
        Older,
    }

    /// <summary>Opens the folder as a Lucene directory (stored fields read through NIOFS, the rest memory-mapped) (created when missing unless read-only).</summary>
    /// <exception cref="InvalidDataException">The path is a file, or (read-only) there is no folder.</exception>
    public static LuceneDirectory OpenDirectory(string path, bool create)
    {
        if (File.Exists(path))
        {
            throw new InvalidDataException($"{path} är en fil, inte en indexmapp, och lämnas orörd. Ange en mapp för indexet, till exempel data/index.");
        }

        if (!System.IO.Directory.Exists(path))
        {
            if (!create)
            {
                throw new DirectoryNotFoundException($"Det finns inget index i ”{path}”. Kör först: kunskapsbank index <dokumentmapp> --index {path}");
            }

            System.IO.Directory.CreateDirectory(path);
        }

        // Stored fields (.fdt/.fdx) through NIOFS, everything else memory-mapped. Reading a stored passage decodes a
        // compressed block byte by byte, and Lucene.Net's memory-mapped input pays a bounds-checked call per byte where
        // NIOFS reads from a managed buffer; measured in ARCHITECTURE.md (engine section). Doc values and postings stay
        // mapped: through NIOFS, facet counting was several times slower (issue 11).
        var folder = new DirectoryInfo(path);
        return new FileSwitchDirectory(StoredFieldExtensions, new StoredFieldsDirectory(folder), new MappedDirectory(folder), doClose: true);
    }

    /// <summary>Classifies the folder, reading the newest commit's user data.</summary>
    /// <exception cref="InvalidDataException">Not a Kunskapsbank index, or one of a newer schema version.</exception>
    public static (State State, CommitData Data) Inspect(LuceneDirectory directory, string path)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (ReadCommit(directory) is not { } infos)
        {
            var foreign = directory.ListAll().Where(name => !IsLuceneFile(name)).ToList();
            if (foreign.Count > 0)
            {
                throw NotAnIndex(path);
            }

            return (State.Empty, CommitData.Fresh);
        }

        var version = CommitData.VersionOf(infos.UserData) ?? throw NotAnIndex(path);
        if (version > IndexSchema.Version)
        {
            // Never destroy an index a newer program built (e.g. after rolling back the service).
            throw new InvalidDataException($"Indexet i {path} är skapat av en nyare version av Kunskapsbank (schema {version}, det här programmet har {IndexSchema.Version}). Uppdatera programmet eller ange en annan indexmapp.");
        }

        return version < IndexSchema.Version ? (State.Older, CommitData.Fresh) : (State.Current, CommitData.From(infos.UserData));
    }

    /// <summary>Deletes a first commit point cut off while it was written, so a new writer can start the folder afresh.</summary>
    /// <remarks>Call only with the writer lock held, for a folder <see cref="Inspect"/> found empty: the writer reads every
    /// commit file it finds, and a truncated one stops it. A first commit that reads now is left alone.</remarks>
    internal static void RemoveBrokenFirstCommit(LuceneDirectory directory)
    {
        if (DirectoryReader.IndexExists(directory) && ReadCommit(directory) is null)
        {
            foreach (var name in directory.ListAll().Where(n => n.StartsWith("segments", StringComparison.Ordinal)))
            {
                directory.DeleteFile(name);
            }
        }
    }

    // The newest commit, or null when there is none: no commit file, or only a first one cut off while it was written
    // (Lucene falls back to the previous commit for any later one, and there is none before the first) — both are an
    // interrupted creation, created anew.
    private static SegmentInfos? ReadCommit(LuceneDirectory directory)
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return null;
        }

        var infos = new SegmentInfos();
        try
        {
            infos.Read(directory);
            return infos;
        }
        catch (IOException) when (SegmentInfos.GetLastCommitGeneration(directory) <= 1)
        {
            return null;
        }
    }

    private static InvalidDataException NotAnIndex(string path) =>
        new($"Mappen {path} innehåller något annat än ett Kunskapsbank-index och lämnas orörd. Ange en tom mapp eller en annan indexmapp.");

    // Segment files start with "_", commits with "segments"; the lock files are Lucene's and ours, and so is the OCR
    // queue's progress (it may be written before the first commit).
    private static bool IsLuceneFile(string name) =>
        name.StartsWith('_') || name.StartsWith("segments", StringComparison.Ordinal) || name.StartsWith("pending_segments", StringComparison.Ordinal)
        || name == "write.lock" || name == WriterLock.FileName
        || name == Corpus.OcrProgressFile.FileName || name == Corpus.OcrProgressFile.TemporaryName;
}
