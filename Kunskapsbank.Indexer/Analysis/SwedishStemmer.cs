namespace Kunskapsbank.Indexer.Analysis;

/// <summary>The Snowball Swedish stemmer, algorithm of Snowball 3.0 (with the -et rule and the widened -öst rule).</summary>
/// <remarks>Written from the prose specification; checked against the Snowball vocabulary in the tests. Stateless.</remarks>
public static class SwedishStemmer
{
    // Step 1 (a), longest first so the first match is the longest suffix.
    private static readonly string[] Step1Suffixes = SortLongestFirst(
        "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste", "en", "anden", "aren", "heten",
        "ern", "ar", "er", "heter", "or", "as", "arnas", "ernas", "ornas", "es", "ades", "andes", "ens", "arens", "hetens", "erns",
        "at", "andet", "het", "ast");

    private static readonly string[] Step2Suffixes = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];

    private static readonly string[] EtExceptions =
        ["h", "iet", "uit", "fab", "cit", "dit", "alit", "ilit", "mit", "nit", "pit", "rit", "sit", "tit", "ivit", "kvit", "xit", "kom", "rak", "pak", "stak"];

    /// <summary>Returns the stem of a lower-cased word; words the algorithm does not touch come back unchanged.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 3)
        {
            return word;
        }

        var r1 = RegionOne(word);
        var w = Step1(word, r1);
        w = Step2(w, r1);
        w = Step3(w, r1);
        return w;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'å' or 'ö';

    private static bool IsValidSEnding(char c) => "bcdfghjklmnoprtvy".Contains(c, StringComparison.Ordinal);

    private static bool IsValidOstEnding(char c) => "iklnprtuv".Contains(c, StringComparison.Ordinal);

    // R1: after the first non-vowel that follows a vowel, but with at least three letters before it.
    private static int RegionOne(string word)
    {
        var r1 = word.Length;
        for (var i = 1; i < word.Length; i++)
        {
            if (!IsVowel(word[i]) && IsVowel(word[i - 1]))
            {
                r1 = i + 1;
                break;
            }
        }

        return Math.Max(r1, 3);
    }

    private static bool EndsInRegion(string word, string suffix, int r1) =>
        word.Length - suffix.Length >= r1 && word.EndsWith(suffix, StringComparison.Ordinal);

    // A valid et-ending: at least one letter, a vowel, a non-vowel, and none of the listed exception suffixes.
    private static bool IsValidEtEnding(ReadOnlySpan<char> before)
    {
        if (before.Length < 3 || !IsVowel(before[^2]) || IsVowel(before[^1]))
        {
            return false;
        }

        foreach (var exception in EtExceptions)
        {
            if (before.EndsWith(exception, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string Step1(string word, int r1)
    {
        // Groups (a), (b) "s" and (c) "et" compete for the longest suffix in R1. A two-letter or longer (a) suffix
        // always wins (a word ending in one cannot also end in "et"); then "et"; then the one-letter (a) suffixes; then "s".
        string? longestA = null;
        foreach (var suffix in Step1Suffixes)
        {
            if (EndsInRegion(word, suffix, r1))
            {
                longestA = suffix;
                break;
            }
        }

        if (longestA is { Length: >= 2 })
        {
            return word[..^longestA.Length];
        }

        if (EndsInRegion(word, "et", r1))
        {
            return IsValidEtEnding(word.AsSpan(0, word.Length - 2)) ? word[..^2] : word;
        }

        if (longestA is not null)
        {
            return word[..^longestA.Length];
        }

        if (EndsInRegion(word, "s", r1))
        {
            var stem = word.AsSpan(0, word.Length - 1);
            if (stem.EndsWith("et", StringComparison.Ordinal) && IsValidEtEnding(stem[..^2]))
            {
                return word[..^3];
            }

            return IsValidSEnding(stem[^1]) ? word[..^1] : word;
        }

        return word;
    }

    private static string Step2(string word, int r1)
    {
        foreach (var suffix in Step2Suffixes)
        {
            if (EndsInRegion(word, suffix, r1))
            {
                return word[..^1];
            }
        }

        return word;
    }

    private static string Step3(string word, int r1)
    {
        if (EndsInRegion(word, "fullt", r1))
        {
            return word[..^1];
        }

        if (EndsInRegion(word, "lig", r1) || EndsInRegion(word, "els", r1))
        {
            return word[..^3];
        }

        if (EndsInRegion(word, "öst", r1))
        {
            return word.Length > 3 && IsValidOstEnding(word[^4]) ? word[..^1] : word;
        }

        if (EndsInRegion(word, "ig", r1))
        {
            return word[..^2];
        }

        return word;
    }

    private static string[] SortLongestFirst(params string[] suffixes) =>
        [.. suffixes.OrderByDescending(s => s.Length)];
}
