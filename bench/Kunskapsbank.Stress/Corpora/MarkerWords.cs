using System.Text;

namespace Kunskapsbank.Stress.Corpora;

/// <summary>Nonsense words, far apart from each other, that make a document findable by exactly one query.</summary>
/// <remarks>Ten letters from alternating consonant/vowel syllables: no Swedish word, and two of them almost never within
/// the typo corrector's edit distance of each other (a lookup still checks the hit's path, not only the count).</remarks>
public sealed class MarkerWords(int seed)
{
    private const string Consonants = "bdfgkmprstvz";
    private const string Vowels = "aeiouy";
    private readonly Random _random = new(seed);
    private readonly HashSet<string> _issued = [];

    /// <summary>A new word not issued before by this generator.</summary>
    public string Next()
    {
        while (true)
        {
            var builder = new StringBuilder("q");
            for (var i = 0; i < 5; i++)
            {
                builder.Append(Consonants[_random.Next(Consonants.Length)]);
                builder.Append(Vowels[_random.Next(Vowels.Length)]);
            }

            builder.Append('x');
            var word = builder.ToString();
            if (_issued.Add(word))
            {
                return word;
            }
        }
    }
}
