using System.IO.Compression;
using System.Reflection;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Reads the analysis data files embedded from Resources/analysis/.</summary>
internal static class AnalysisResources
{
    private static readonly Assembly Assembly = typeof(AnalysisResources).Assembly;

    /// <summary>Opens an embedded file by its name in Resources/analysis/ (".gz" files are decompressed).</summary>
    public static Stream Open(string fileName)
    {
        // The logical name carries the folder with the build machine's separator, so match on the ending.
        var name = Assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.EndsWith("analysis/" + fileName, StringComparison.Ordinal) || n.EndsWith("analysis\\" + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Analysdatafilen {fileName} saknas i programmet.");
        var stream = Assembly.GetManifestResourceStream(name)!;
        return fileName.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>The data lines of an embedded text file: trimmed, without blank lines and '#' comments.</summary>
    public static IEnumerable<string> DataLines(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                yield return trimmed;
            }
        }
    }

    /// <summary>The first column of each data line (a word, then optionally a tab and why it is listed).</summary>
    public static IEnumerable<string> FirstColumn(string fileName) =>
        DataLines(fileName).Select(line => line.Split('\t')[0].Trim());

    /// <summary>An embedded <c>key&lt;TAB&gt;value</c> file as a dictionary (ordinal keys); a malformed line stops the program.</summary>
    public static Dictionary<string, string> TwoColumnTable(string fileName)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in DataLines(fileName))
        {
            var fields = line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
            {
                throw new InvalidOperationException($"Felaktig rad i {fileName}: {line}");
            }

            table[fields[0]] = fields[1];
        }

        return table;
    }
}
