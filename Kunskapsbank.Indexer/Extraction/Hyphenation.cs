using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Swedish line-end hyphenation: joins "sjuk-" + "vården", keeps the hyphen of a shared ending ("hälso- och
/// sjukvården"), of names ("Hjelm-Wallén") and of real compounds ("e-post", "FN-konventionen", "EU-rätten", "1990-talet"),
/// and mends text where a tool already joined a shared ending wrongly ("hälsooch", "byggnadseller").</summary>
public static partial class Hyphenation
{
    // Words after a dangling hyphen that mean "shared ending", as in "barn- och ungdomsvård": keep the hyphen and a space.
    private static readonly HashSet<string> Coordinators = new(StringComparer.OrdinalIgnoreCase)
    {
        "och", "eller", "samt", "respektive", "resp", "resp.", "som", "till", "men", "utan", "liksom", "än", "and", "or",
    };

    // Words that end in a coordinator's letters ("gemensamt", "examen", "tabeller"): there the hyphen was a line break.
    private static readonly Lazy<FrozenSet<string>> EndsLikeCoordinator = new(LoadWords);

    /// <summary>Joins two lines of one paragraph, mending a word hyphenated at the end of <paramref name="first"/>.</summary>
    public static string JoinLines(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Length == 0 || second.Length == 0)
        {
            return first + second;
        }

        // A soft hyphen is never part of the word: always join.
        if (first[^1] == '\u00AD')
        {
            return first[..^1] + second;
        }

        if (first.Length < 2 || first[^1] is not ('-' or '\u2010') || !char.IsLetterOrDigit(first[^2]) || !char.IsLetterOrDigit(second[0]))
        {
            return $"{first} {second}";
        }

        var nextWord = second.Split(' ', 2)[0].TrimEnd(',', ';', '.', ':', ')');
        if (char.IsLower(second[0]) && Coordinators.Contains(nextWord))
        {
            // "gemen-" + "samt" is gemensamt, "exa-" + "men" is examen; "hälso-" + "och" is a shared ending.
            var fragment = first[(first.LastIndexOf(' ') + 1)..^1];
            return EndsLikeCoordinator.Value.Contains((fragment + nextWord).ToLowerInvariant()) ? first[..^1] + second : $"{first} {second}";
        }

        // "FN-konventionen", "HSLF-FS", "Hjelm-Wallén", "e-post", "1990-talet": the hyphen belongs to the word.
        if (char.IsUpper(first[^2]) || char.IsUpper(second[0]) || char.IsDigit(first[^2]) || char.IsDigit(second[0]) || IsShortPrefix(first))
        {
            return first + second;
        }

        return first[..^1] + second;
    }

    /// <summary>Puts back the hyphen a tool drops when it joins "hälso-" and "och" at a line end ("hälsooch sjukvården"
    /// → "hälso- och sjukvården", "byggnadseller anläggningsarbete" → "byggnads- eller anläggningsarbete").</summary>
    /// <remarks>A joined form is mended only when it is not a word of its own (the word list knows "tabeller",
    /// "bestseller"); for "eller" only after a linking "s" or "o" (byggnads-, hälso-), the common shared endings. "samt" is
    /// left alone: ensamt, verksamt and the like are far more common than "X- samt".</remarks>
    public static string MendSharedEndings(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("och ", StringComparison.Ordinal) && !text.Contains("eller ", StringComparison.Ordinal) && !text.Contains("respektive ", StringComparison.Ordinal))
        {
            return text;
        }

        text = JoinedOch().Replace(text, Mend);
        text = JoinedRespektive().Replace(text, Mend);
        return JoinedEller().Replace(text, Mend);

        static string Mend(Match match) => EndsLikeCoordinator.Value.Contains(match.Value.TrimEnd().ToLowerInvariant())
            ? match.Value
            : $"{match.Groups[1].Value}- {match.Groups[2].Value} ";
    }

    private static bool IsShortPrefix(string line)
    {
        // A one-letter word before the hyphen ("e-", "p-") is a real compound: "e-post", "p-piller". Two letters are
        // not: "ut-", "in-", "på-" are the first syllables of ordinary hyphenated words ("ut-bildning").
        var lastSpace = line.LastIndexOf(' ');
        return line.Length - lastSpace - 1 <= 2;
    }

    private static FrozenSet<string> LoadWords()
    {
        // The logical name carries the folder with the build machine's separator, so match on the ending.
        var assembly = typeof(Hyphenation).Assembly;
        var name = assembly.GetManifestResourceNames().First(n => n.EndsWith("hyphenation-words.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\b(\p{Ll}{3,})(och) (?=\p{Ll})")]
    private static partial Regex JoinedOch();

    [GeneratedRegex(@"\b(\p{Ll}{3,})(respektive) (?=\p{Ll})")]
    private static partial Regex JoinedRespektive();

    [GeneratedRegex(@"\b(\p{Ll}{2,}[so])(eller) (?=\p{Ll})")]
    private static partial Regex JoinedEller();
}
