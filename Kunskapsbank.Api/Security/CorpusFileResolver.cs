using Kunskapsbank.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Security;

/// <summary>Turns a document's stored relative path into a real file inside the corpus folder, or refuses.</summary>
/// <remarks>
/// Every symbolic link on the way is followed (like realpath(3)) and the final path must lie inside the real corpus root,
/// so a link planted in corpus/ that points at /etc/passwd is never served, whatever the index says.
/// </remarks>
public sealed class CorpusFileResolver(IOptions<KunskapsbankOptions> options)
{
    private const int MaxLinkHops = 40;

    /// <summary>The real absolute path of an existing regular file inside the corpus, or null.</summary>
    public string? Resolve(string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath)
            || relativePath.Contains('\0', StringComparison.Ordinal)
            || relativePath.Contains('\\', StringComparison.Ordinal)
            || Path.IsPathRooted(relativePath))
        {
            return null;
        }

        try
        {
            if (RealPath(options.Value.CorpusPath) is not { } root
                || RealPath(Path.Combine(root, relativePath)) is not { } candidate
                || !IsInside(candidate, root))
            {
                return null;
            }

            var file = new FileInfo(candidate);
            return file.Exists && file.LinkTarget is null ? candidate : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="path"/> is strictly below <paramref name="root"/>.</summary>
    public static bool IsInside(string path, string root)
    {
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length;
    }

    /// <summary>The path with every symbolic link resolved, or null when a link loops or goes too deep.</summary>
    public static string? RealPath(string path)
    {
        var hops = 0;
        return RealPath(Path.GetFullPath(path), ref hops);
    }

    private static string? RealPath(string fullPath, ref int hops)
    {
        var parent = Path.GetDirectoryName(fullPath);
        if (parent is null)
        {
            return fullPath;
        }

        var realParent = RealPath(parent, ref hops);
        if (realParent is null)
        {
            return null;
        }

        var current = Path.Combine(realParent, Path.GetFileName(fullPath));
        var target = new FileInfo(current).LinkTarget;
        if (target is null)
        {
            return current;
        }

        if (++hops > MaxLinkHops)
        {
            return null;
        }

        return RealPath(Path.GetFullPath(target, realParent), ref hops);
    }
}
