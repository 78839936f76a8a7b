using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Kunskapsbank.Stress.Hostile;

/// <summary>Decides whether a response gives away internals: a stack trace, a file-system path, a secret, or a file from outside the corpus.</summary>
public sealed partial class LeakDetector
{
    private readonly string[] _secrets;
    private readonly HashSet<string> _corpusFileHashes;
    private readonly string[] _largeCorpusFiles;

    /// <param name="secrets">Strings that must never appear: absolute folders of this run, the admin key.</param>
    /// <param name="corpusRoot">Every file under it may be served by /file; anything else may not.</param>
    public LeakDetector(IEnumerable<string> secrets, string corpusRoot)
    {
        _secrets = secrets.Where(s => s.Length >= 4).Distinct().ToArray();
        _corpusFileHashes = Directory.EnumerateFiles(corpusRoot, "*", SearchOption.AllDirectories)
            .Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            .ToHashSet(StringComparer.Ordinal);
        _largeCorpusFiles = Directory.EnumerateFiles(corpusRoot, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length > 1024 * 1024)
            .ToArray();
    }

    /// <summary>Why the response leaks, or null when it does not.</summary>
    public string? Inspect(RawRequest request, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var path = request.Display.Split('?', 2)[0];
        var isFileDownload = response.Status is >= 200 and < 300 && path.EndsWith("/file", StringComparison.Ordinal);
        if (isFileDownload)
        {
            // A downloaded file may contain anything, but it must be one of the corpus's own files (or, when the
            // reader stopped early, the beginning of one).
            var known = response.Truncated
                ? _largeCorpusFiles.Any(f => StartsWith(f, response.Body))
                : _corpusFileHashes.Contains(Convert.ToHexString(SHA256.HashData(response.Body)));
            return known ? null : "levererade en fil som inte finns i corpus";
        }

        var text = response.Head + "\n" + response.BodyText;
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal) || text.Contains(secret.Replace("/", "\\/", StringComparison.Ordinal), StringComparison.Ordinal))
            {
                return "innehåller en intern sökväg eller hemlighet";
            }
        }

        if (PasswdContent().IsMatch(text))
        {
            return "innehåller /etc/passwd";
        }

        if (StackTrace().IsMatch(text))
        {
            return "innehåller en stackspårning";
        }

        if (EngineInternals().IsMatch(text))
        {
            return "innehåller ett internt felmeddelande";
        }

        if (AbsolutePath().IsMatch(text))
        {
            return "innehåller en absolut sökväg";
        }

        return null;
    }

    private static bool StartsWith(string file, byte[] prefix)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[prefix.Length];
        stream.ReadExactly(buffer, 0, (int)Math.Min(buffer.Length, stream.Length));
        return stream.Length >= prefix.Length && buffer.AsSpan().SequenceEqual(prefix);
    }

    [GeneratedRegex(@"root:x?:0:0:|\[extensions\]|daemon:x:1:")]
    private static partial Regex PasswdContent();

    [GeneratedRegex(@"\bat [A-Z][\w.`]+\.[\w<>`|]+\(|\.cs:line \d+|--- End of stack trace")]
    private static partial Regex StackTrace();

    [GeneratedRegex(@"SQLite Error|SqliteException|Lucene\.Net|TooManyClauses|BooleanQuery|NullReferenceException|InvalidOperationException|IndexOutOfRangeException|ArgumentOutOfRangeException|FormatException|OverflowException")]
    private static partial Regex EngineInternals();

    [GeneratedRegex(@"(?<![\w.])/(?:tmp|home|root|work|usr|var|proc|etc|opt|srv|app)/[\w.-]+/")]
    private static partial Regex AbsolutePath();
}
