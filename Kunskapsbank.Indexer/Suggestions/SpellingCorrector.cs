namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>Finds the likely intended word for a query word from the index vocabulary ("Menade du …?").</summary>
/// <remarks>
/// Damerau–Levenshtein distance (a swap of neighbours counts as one edit), at most 1 for words of 4–7 letters and 2
/// for longer ones; shorter words are never corrected. Among candidates the smallest distance wins, then the most
/// documents. Å, ä and ö are letters of their own, but confusing one of them with a/o costs only half an edit,
/// because that is the typo a keyboard without Swedish layout produces. Nonsense finds nothing within the distance.
/// </remarks>
public sealed class SpellingCorrector(Vocabulary vocabulary)
{
    /// <summary>The correction of <paramref name="word"/>, or null when none is close and clearly more common.</summary>
    public string? Correct(string word, int ownFrequency)
    {
        ArgumentNullException.ThrowIfNull(word);
        var maxDistance = word.Length switch
        {
            < 4 => 0.0,
            <= 7 => 1.0,
            _ => 2.0,
        };
        if (maxDistance == 0)
        {
            return null;
        }

        string? best = null;
        var bestDistance = double.MaxValue;
        var bestFrequency = 0;
        var span = (int)Math.Ceiling(maxDistance);
        for (var length = word.Length - span; length <= word.Length + span; length++)
        {
            foreach (var candidate in vocabulary.WordsOfLength(length))
            {
                if (candidate.Term == word)
                {
                    continue;
                }

                var distance = Distance(word, candidate.Term, maxDistance);
                if (distance > maxDistance)
                {
                    continue;
                }

                if (distance < bestDistance || (distance == bestDistance && candidate.DocumentCount > bestFrequency))
                {
                    best = candidate.Term;
                    bestDistance = distance;
                    bestFrequency = candidate.DocumentCount;
                }
            }
        }

        // A correction must be clearly more common than what was typed, or it is not a correction.
        return best is not null && bestFrequency >= Math.Max(2, ownFrequency * 5) ? best : null;
    }

    /// <summary>Damerau–Levenshtein (optimal string alignment) with cheap å/ä/ö ↔ a/o substitutions; stops early past <paramref name="max"/>.</summary>
    public static double Distance(string a, string b, double max)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous2 = new double[b.Length + 1];
        var previous = new double[b.Length + 1];
        var current = new double[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : Substitution(a[i - 1], b[j - 1]);
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    private static double Substitution(char x, char y) => (Fold(x) == Fold(y)) ? 0.5 : 1.0;

    private static char Fold(char c) => c switch
    {
        'å' or 'ä' => 'a',
        'ö' => 'o',
        _ => c,
    };
}
