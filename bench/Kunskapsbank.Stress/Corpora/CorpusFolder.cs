namespace Kunskapsbank.Stress.Corpora;

/// <summary>File-level operations on corpus folders: copying, listing and bringing one folder to another's state.</summary>
public static class CorpusFolder
{
    /// <summary>Copies every file under <paramref name="source"/> (optionally only the first <paramref name="maxFiles"/>, in path order).</summary>
    public static int Copy(string source, string target, int maxFiles = int.MaxValue)
    {
        var copied = 0;
        foreach (var relative in List(source))
        {
            if (copied >= maxFiles)
            {
                break;
            }

            if (relative.EndsWith("manifest.json", StringComparison.Ordinal))
            {
                continue;
            }

            var to = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Path.Combine(source, relative), to, overwrite: true);
            copied++;
        }

        return copied;
    }

    /// <summary>Appends one line to every file, so the next sync has to re-extract and re-index all of them.</summary>
    /// <returns>How many files were changed.</returns>
    public static int ChangeEveryFile(string root)
    {
        var files = List(root);
        foreach (var relative in files)
        {
            File.AppendAllText(Path.Combine(root, relative), "\nOmindexerad under lasttestet.\n");
        }

        return files.Count;
    }

    /// <summary>Relative paths of all files, sorted ordinally, with forward slashes.</summary>
    public static IReadOnlyList<string> List(string root)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Makes <paramref name="target"/> hold exactly the files of <paramref name="state"/>: copies what differs, deletes the rest.</summary>
    /// <returns>How many files were written or deleted.</returns>
    public static int MirrorInto(string state, string target)
    {
        var wanted = List(state).ToHashSet(StringComparer.Ordinal);
        var changes = 0;
        foreach (var relative in List(target))
        {
            if (!wanted.Contains(relative))
            {
                File.Delete(Path.Combine(target, relative));
                changes++;
            }
        }

        foreach (var relative in wanted)
        {
            var from = Path.Combine(state, relative);
            var to = Path.Combine(target, relative);
            if (File.Exists(to) && SameBytes(from, to))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            changes++;
        }

        return changes;
    }

    /// <summary>Deletes a folder tree, ignoring what is already gone.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool SameBytes(string a, string b)
    {
        var infoA = new FileInfo(a);
        var infoB = new FileInfo(b);
        return infoA.Length == infoB.Length && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
    }
}
