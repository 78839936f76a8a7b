namespace Kunskapsbank.Indexer.Analysis;

/// <summary>The Snowball Swedish stemmer, algorithm of Snowball 3.0 (with the -et rule and the widened -öst rule).</summary>
/// <remarks>Written from the prose specification; checked against the Snowball vocabulary in the tests. Stateless.
/// Every step of the algorithm only removes a suffix, so the stemmer computes the stem's length and never allocates.
/// Lucene's SwedishStemmer/SnowballFilter implement the older algorithm, which fails the 3.0 vocabulary.</remarks>
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
        var length = StemLength(word);
        return length == word.Length ? word : word[..length];
    }

    /// <summary>The length of the stem of a lower-cased word: the stem is always a prefix of the word.</summary>
    public static int StemLength(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return word.Length;
        }

        var r1 = RegionOne(word);
        var length = Step1(word, r1);
        length = Step2(word[..length], r1);
        return Step3(word[..length], r1);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'å' or 'ö';

    private static bool IsValidSEnding(char c) => c is 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'k' or 'l' or 'm' or 'n' or 'o' or 'p' or 'r' or 't' or 'v' or 'y';

    private static bool IsValidOstEnding(char c) => c is 'i' or 'k' or 'l' or 'n' or 'p' or 'r' or 't' or 'u' or 'v';

    // R1: after the first non-vowel that follows a vowel, but with at least three letters before it.
    private static int RegionOne(ReadOnlySpan<char> word)
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

    private static bool EndsInRegion(ReadOnlySpan<char> word, string suffix, int r1) =>
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

    private static int Step1(ReadOnlySpan<char> word, int r1)
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
            return word.Length - longestA.Length;
        }

        if (EndsInRegion(word, "et", r1))
        {
            return IsValidEtEnding(word[..^2]) ? word.Length - 2 : word.Length;
        }

        if (longestA is not null)
        {
            return word.Length - longestA.Length;
        }

        if (EndsInRegion(word, "s", r1))
        {
            var stem = word[..^1];
            if (stem.EndsWith("et", StringComparison.Ordinal) && IsValidEtEnding(stem[..^2]))
            {
                return word.Length - 3;
            }

            return IsValidSEnding(stem[^1]) ? word.Length - 1 : word.Length;
        }

        return word.Length;
    }

    private static int Step2(ReadOnlySpan<char> word, int r1)
    {
        foreach (var suffix in Step2Suffixes)
        {
            if (EndsInRegion(word, suffix, r1))
            {
                return word.Length - 1;
            }
        }

        return word.Length;
    }

    private static int Step3(ReadOnlySpan<char> word, int r1)
    {
        if (EndsInRegion(word, "fullt", r1))
        {
            return word.Length - 1;
        }

        if (EndsInRegion(word, "lig", r1) || EndsInRegion(word, "els", r1))
        {
            return word.Length - 3;
        }

        if (EndsInRegion(word, "öst", r1))
        {
            return word.Length > 3 && IsValidOstEnding(word[^4]) ? word.Length - 1 : word.Length;
        }

        if (EndsInRegion(word, "ig", r1))
        {
            return word.Length - 2;
        }

        return word.Length;
    }

    private static string[] SortLongestFirst(params string[] suffixes) =>
        [.. suffixes.OrderByDescending(s => s.Length)];
}
