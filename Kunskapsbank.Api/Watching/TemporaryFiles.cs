namespace Kunskapsbank.Api.Watching;

/// <summary>Recognises the half-written and lock files editors' programs leave while saving or copying.</summary>
public static class TemporaryFiles
{
    private static readonly string[] Prefixes = ["~$", ".~lock.", ".#", ".goutputstream-"];
    private static readonly string[] Suffixes = ["~", ".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp", ".swx", ".kate-swp"];

    /// <summary>True when the file name looks like a temporary or lock file that must not be indexed.</summary>
    public static bool IsTemporary(string path)
    {
        var name = Path.GetFileName(path.AsSpan().TrimEnd(Path.DirectorySeparatorChar));
        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var suffix in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
