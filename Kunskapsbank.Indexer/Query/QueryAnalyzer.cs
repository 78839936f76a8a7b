using System.Globalization;
using System.Text;
using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer.Query;

/// <summary>Runs the parsed query through the same analyzer as the documents.</summary>
/// <remarks>Stop words are dropped from plain word lists (they would match nearly every document) but kept inside
/// phrases, where they hold positions. A query of nothing but stop words searches them anyway rather than nothing.</remarks>
public sealed class QueryAnalyzer(Analyzer analyzer)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The analysed tree, or null when nothing searchable remains.</summary>
    /// <exception cref="SearchInputException">The query only excludes (there is nothing to search for).</exception>
    public QueryClause? Analyse(QueryNode? root)
    {
        if (root is null)
        {
            return null;
        }

        var clause = Convert(root, dropStopWords: true);
        if (clause is null && ContainsStopWordsOnly(root))
        {
            clause = Convert(root, dropStopWords: false);
        }

        if (clause is AllClause { Positive.Count: 0 })
        {
            throw new SearchInputException("bara-uteslutningar", "Frågan innehåller bara ord som ska uteslutas. Lägg till minst ett ord att söka efter.");
        }

        return clause;
    }

    private bool ContainsStopWordsOnly(QueryNode root) => root switch
    {
        WordNode word => analyzer.Analyze(word.Text).Any(t => !t.IsCompoundPart),
        AndNode and => and.Children.Any(ContainsStopWordsOnly),
        OrNode or => or.Children.Any(ContainsStopWordsOnly),
        _ => false,
    };

    private QueryClause? Convert(QueryNode node, bool dropStopWords)
    {
        switch (node)
        {
            case WordNode word:
                {
                    var tokens = analyzer.Analyze(word.Text).Where(t => !t.IsCompoundPart && !(dropStopWords && t.IsStopWord)).ToList();
                    if (tokens.Count == 0)
                    {
                        return null;
                    }

                    var terms = tokens.Select(t => (QueryClause)new TermClause(t.Term, t.Word, word.Text[t.Start..t.End])).ToList();
                    return terms.Count == 1 ? terms[0] : new AllClause(terms, []);
                }

            case PhraseNode phrase:
                {
                    var tokens = analyzer.Analyze(phrase.Text).Where(t => !t.IsCompoundPart).ToList();
                    if (tokens.Count == 0)
                    {
                        return null;
                    }

                    if (tokens.Count == 1)
                    {
                        return new TermClause(tokens[0].Term, tokens[0].Word, phrase.Text[tokens[0].Start..tokens[0].End]);
                    }

                    var first = tokens[0].Position;
                    return new PhraseClause(tokens.Select(t => t.Term).ToList(), tokens.Select(t => t.Word).ToList(), tokens.Select(t => Math.Max(0, t.Position - first)).ToList(), tokens.Select(t => t.IsStopWord).ToList());
                }

            case PrefixNode prefix:
                {
                    var text = Normalise(prefix.Text);
                    return text.Length == 0 ? null : new PrefixClause(text);
                }

            case NotNode:
                return null;

            case AndNode and:
                {
                    var positive = new List<QueryClause>();
                    var negative = new List<QueryClause>();
                    foreach (var child in and.Children)
                    {
                        if (child is NotNode not)
                        {
                            if (Convert(not.Child, dropStopWords: false) is { } excluded)
                            {
                                negative.Add(excluded);
                            }
                        }
                        else if (Convert(child, dropStopWords) is { } included)
                        {
                            // "(-a -b)" inside a larger AND only excludes: its exclusions join this level's.
                            if (included is AllClause { Positive.Count: 0 } onlyExcluding)
                            {
                                negative.AddRange(onlyExcluding.Negative);
                            }
                            else
                            {
                                positive.Add(included);
                            }
                        }
                    }

                    if (positive.Count == 0 && negative.Count == 0)
                    {
                        return null;
                    }

                    return positive.Count == 1 && negative.Count == 0 ? positive[0] : new AllClause(positive, negative);
                }

            case OrNode or:
                {
                    var children = or.Children.Select(c => c is NotNode ? null : Convert(c, dropStopWords)).OfType<QueryClause>()
                        .Where(c => c is not AllClause { Positive.Count: 0 }).ToList();
                    return children.Count switch
                    {
                        0 => null,
                        1 => children[0],
                        _ => new AnyClause(children),
                    };
                }

            default:
                return null;
        }
    }

    // Prefixes are matched against surface words: lower-cased and NFC, letters and digits only (no stemming).
    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLower(Swedish))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
