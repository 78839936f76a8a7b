namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Precision and recall of compound splitting against a hand-made list (word, surface split, lemma split).</summary>
/// <remarks>
/// Per word. A split is correct when it has the expected number of parts and each part's index term (the stem of its
/// lemma, as the analyzer indexes it) equals the stem of the expected lemma; "-" means the word must stay whole.
/// Precision = correct splits / words the splitter split (a split of a "-" word counts against it).
/// Recall = correct splits / words the list says are compounds.
/// </remarks>
public sealed record CompoundEvaluation(int Compounds, int Whole, int Correct, int Wrong, int Missed, int FalseSplits, int SurfaceExact, IReadOnlyList<string> Errors)
{
    /// <summary>Correct splits among all words that were split.</summary>
    public double Precision => Correct + Wrong + FalseSplits == 0 ? 1 : (double)Correct / (Correct + Wrong + FalseSplits);

    /// <summary>Correct splits among all words that should be split.</summary>
    public double Recall => Compounds == 0 ? 1 : (double)Correct / Compounds;

    /// <summary>Evaluates <paramref name="splitter"/> on the lines of a test file (comments start with '#'); <paramref name="stem"/> gives a lemma's index term.</summary>
    public static CompoundEvaluation Run(CompoundSplitter splitter, Func<string, string> stem, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(splitter);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(stem);
        int compounds = 0, whole = 0, correct = 0, wrong = 0, missed = 0, falseSplits = 0, surfaceExact = 0;
        var errors = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 3)
            {
                throw new FormatException($"Raden har inte tre kolumner (ord, delar, grundformer): {line}");
            }

            var (word, expectedSurface, expectedLemmas) = (fields[0], fields[1], fields[2]);
            var parts = PartsOf(splitter, word);
            var gotSurface = parts.Count == 0 ? "-" : string.Join('+', parts.Select(p => p.Surface));
            var gotLemmas = parts.Count == 0 ? "-" : string.Join('+', parts.Select(p => p.Lemma));
            if (expectedSurface == "-")
            {
                whole++;
                if (parts.Count > 0)
                {
                    falseSplits++;
                    errors.Add($"{word}: ska vara helt, delades {gotSurface}");
                }

                continue;
            }

            compounds++;
            var expected = expectedLemmas.Split('+');
            if (parts.Count == 0)
            {
                missed++;
                errors.Add($"{word}: delades inte, väntat {expectedSurface} ({expectedLemmas})");
            }
            else if (parts.Count == expected.Length && parts.Select((p, i) => stem(p.Lemma) == stem(expected[i])).All(ok => ok))
            {
                correct++;
                surfaceExact += gotSurface == expectedSurface.Replace("-+", "+", StringComparison.Ordinal) ? 1 : 0;
            }
            else
            {
                wrong++;
                errors.Add($"{word}: fick {gotSurface} ({gotLemmas}), väntat {expectedSurface} ({expectedLemmas})");
            }
        }

        return new CompoundEvaluation(compounds, whole, correct, wrong, missed, falseSplits, surfaceExact, errors);
    }

    // As the analyzer does it: hyphens split first, then each piece is split by the dictionary.
    private static List<(string Surface, string Lemma)> PartsOf(CompoundSplitter splitter, string word)
    {
        var pieces = word.ToLowerInvariant().Split('-', StringSplitOptions.RemoveEmptyEntries);
        var parts = new List<(string, string)>();
        foreach (var piece in pieces)
        {
            var split = splitter.Split(piece);
            if (split.Count == 0)
            {
                parts.Add((piece, piece));
            }
            else
            {
                parts.AddRange(split.Select(p => (piece.Substring(p.Offset, p.Length), p.Lemma)));
            }
        }

        return parts.Count > 1 ? parts : [];
    }
}
