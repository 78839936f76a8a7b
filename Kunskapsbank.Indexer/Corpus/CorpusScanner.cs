namespace Kunskapsbank.Indexer.Corpus;

/// <summary>A candidate document on disk.</summary>
/// <param name="RelativePath">Relative to the corpus root, forward slashes, spelled as on disk (NFC or NFD).</param>
public sealed record CorpusFile(string RelativePath, string FullPath, long Size, long ModifiedTicks);

/// <summary>What a scan found: candidate documents and entries refused (links leading out of the corpus).</summary>
public sealed record ScanResult(IReadOnlyList<CorpusFile> Files, IReadOnlyList<FailedFile> Refused);

/// <summary>Lists the documents of a corpus folder: skips hidden, temporary and metadata files; never leaves the root.</summary>
public sealed class CorpusScanner(string root, Func<string, bool> isMetadataFile)
{
    private readonly string _root = Path.GetFullPath(root);

    /// <summary>The corpus root as an absolute path (links resolved).</summary>
    public string Root => _root;

    /// <summary>Scans the whole corpus, or only <paramref name="scope"/> (relative files or folders) when given.</summary>
    public ScanResult Scan(IReadOnlyCollection<string>? scope)
    {
        var files = new List<CorpusFile>();
        var refused = new List<FailedFile>();
        if (scope is null)
        {
            Walk(_root, files, refused);
        }
        else
        {
            foreach (var relative in scope)
            {
                var full = ToFullPath(relative);
                if (Directory.Exists(full))
                {
                    if (!IsIgnored(full, isDirectory: true))
                    {
                        Walk(full, files, refused);
                    }
                }
                else if (File.Exists(full))
                {
                    Consider(new FileInfo(full), files, refused);
                }
            }
        }

        return new ScanResult(files, refused);
    }

    /// <summary>The relative path (forward slashes) of an absolute path inside the corpus, or null when outside.</summary>
    public string? ToRelative(string fullPath)
    {
        var full = Path.GetFullPath(fullPath);
        if (full == _root)
        {
            return string.Empty;
        }

        var prefix = _root.EndsWith(Path.DirectorySeparatorChar) ? _root : _root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full[prefix.Length..].Replace(Path.DirectorySeparatorChar, '/') : null;
    }

    /// <summary>The absolute path of a relative corpus path.</summary>
    public string ToFullPath(string relative) =>
        relative.Length == 0 ? _root : Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>True for names editors' tools leave behind (hidden, lock and temporary files) and metadata files.</summary>
    public bool IsIgnored(string fullPath, bool isDirectory)
    {
        var name = Path.GetFileName(fullPath);
        if (name.Length == 0 || name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal))
        {
            return true;
        }

        if (isDirectory)
        {
            return false;
        }

        return name.EndsWith('~')
            || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".temp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase)
            || isMetadataFile(fullPath);
    }

    private void Walk(string folder, List<CorpusFile> files, List<FailedFile> refused)
    {
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(folder).EnumerateFileSystemInfos();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            refused.Add(new FailedFile(ToRelative(folder) ?? folder, "unreadable", "Mappen kunde inte läsas. Kontrollera behörigheterna."));
            return;
        }

        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry is DirectoryInfo directory)
            {
                if (IsIgnored(directory.FullName, isDirectory: true))
                {
                    continue;
                }

                if (directory.LinkTarget is not null)
                {
                    // Linked folders are not followed: inside the corpus their files are found at their real place,
                    // outside it they must not be read at all.
                    if (!IsInsideRoot(directory))
                    {
                        refused.Add(new FailedFile(ToRelative(directory.FullName) ?? directory.Name, "unreadable", "Länken pekar ut ur dokumentmappen och följs inte."));
                    }

                    continue;
                }

                Walk(directory.FullName, files, refused);
            }
            else if (entry is FileInfo file)
            {
                Consider(file, files, refused);
            }
        }
    }

    private void Consider(FileInfo file, List<CorpusFile> files, List<FailedFile> refused)
    {
        if (IsIgnored(file.FullName, isDirectory: false))
        {
            return;
        }

        var relative = ToRelative(file.FullName);
        if (relative is null)
        {
            return;
        }

        if (file.LinkTarget is not null)
        {
            if (!IsInsideRoot(file))
            {
                refused.Add(new FailedFile(relative, "unreadable", "Länken pekar ut ur dokumentmappen och följs inte."));
                return;
            }

            var target = file.ResolveLinkTarget(returnFinalTarget: true);
            if (target is not FileInfo { Exists: true } real)
            {
                refused.Add(new FailedFile(relative, "unreadable", "Länken pekar på en fil som inte finns."));
                return;
            }

            files.Add(new CorpusFile(relative, file.FullName, real.Length, real.LastWriteTimeUtc.Ticks));
            return;
        }

        try
        {
            files.Add(new CorpusFile(relative, file.FullName, file.Length, file.LastWriteTimeUtc.Ticks));
        }
        catch (IOException)
        {
            // Vanished between listing and reading its size: the next sync sees the truth.
        }
    }

    private bool IsInsideRoot(FileSystemInfo link)
    {
        try
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null)
            {
                return false;
            }

            var real = RealPath(target.FullName);
            return real == _root || ToRelativeReal(real) is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private string? ToRelativeReal(string real)
    {
        var root = RealPath(_root);
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return real.StartsWith(prefix, StringComparison.Ordinal) ? real[prefix.Length..] : null;
    }

    // Resolves links in every folder of the path, so "corpus/link-to-dir/../../etc" cannot sneak out.
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(full) ?? "/";
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is not null)
                {
                    current = RealPath(target.FullName);
                }
            }
        }

        return current;
    }
}
