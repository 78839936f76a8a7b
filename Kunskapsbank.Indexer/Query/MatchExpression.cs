using System.Text;
using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Query;

/// <summary>Writes an analysed query as an FTS5 MATCH expression. Every term is quoted: user text is never syntax.</summary>
public static class MatchExpression
{
    private const string DocumentStems = "{title_s head_s body_s parts}";
    private const string DocumentWords = "{title_w head_w body_w}";
    private const string DocumentPhraseStems = "{title_s head_s body_s}";
    private const string PassageStems = "{head_s body_s parts}";
    private const string PassageWords = "{head_s body_s}";
    private const string PassagePhraseStems = "{head_s body_s}";
    private const string HeadingStems = "{head_s}";

    /// <summary>The document-level expression: all of the query's logic (AND, OR, NOT).</summary>
    public static string ForDocuments(QueryClause clause) => Write(clause, documentLevel: true);

    /// <summary>Documents matching at least one of the positive clauses, without the excluded ones (partial matches).</summary>
    public static string? ForAnyPositive(QueryClause clause)
    {
        if (clause is not AllClause all || all.Positive.Count < 2)
        {
            return null;
        }

        var any = "(" + string.Join(" OR ", all.Positive.Select(p => Write(p, true))) + ")";
        return all.Negative.Count == 0 ? any : any + " NOT (" + string.Join(" OR ", all.Negative.Select(n => Write(n, true))) + ")";
    }

    /// <summary>The passage-level expression: any positive leaf, so passages are ranked by how much of the query they hold.</summary>
    public static string ForPassages(QueryClause clause)
    {
        var leaves = new List<QueryClause>();
        CollectPositiveLeaves(clause, leaves);
        return ForPassages(leaves);
    }

    /// <summary>The passage-level expression for the given leaves (any of them).</summary>
    public static string ForPassages(IEnumerable<QueryClause> leaves) =>
        string.Join(" OR ", leaves.Select(l => Write(l, documentLevel: false)));

    /// <summary>One leaf at passage level, anywhere in the passage or (with <paramref name="headingOnly"/>) in its heading.</summary>
    /// <remarks>Passage rows hold stems only; a prefix is matched against stems, which begin like their words.</remarks>
    public static string ForPassageLeaf(QueryClause leaf, bool headingOnly)
    {
        var expression = Write(leaf, documentLevel: false);
        return headingOnly ? HeadingStems + " : (" + StripColumns(leaf) + ")" : expression;
    }

    private static string StripColumns(QueryClause leaf) => leaf switch
    {
        TermClause term => FtsTerm.Quote(FtsTerm.Encode(term.Stem)),
        PhraseClause phrase => Phrase(phrase.Stems),
        PrefixClause prefix when FtsTerm.IsPlain(prefix.Prefix) => FtsTerm.Quote(prefix.Prefix) + " *",
        PrefixClause prefix => FtsTerm.Quote(FtsTerm.Encode(prefix.Prefix)),
        _ => throw new ArgumentOutOfRangeException(nameof(leaf)),
    };

    /// <summary>The positive leaves (terms, phrases, prefixes) of a query; what highlighting marks.</summary>
    public static void CollectPositiveLeaves(QueryClause clause, List<QueryClause> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        switch (clause)
        {
            case AllClause all:
                foreach (var child in all.Positive)
                {
                    CollectPositiveLeaves(child, leaves);
                }

                break;
            case AnyClause any:
                foreach (var child in any.Children)
                {
                    CollectPositiveLeaves(child, leaves);
                }

                break;
            default:
                leaves.Add(clause);
                break;
        }
    }

    private static string Write(QueryClause clause, bool documentLevel)
    {
        var stems = documentLevel ? DocumentStems : PassageStems;
        var words = documentLevel ? DocumentWords : PassageWords;
        var phraseStems = documentLevel ? DocumentPhraseStems : PassagePhraseStems;
        switch (clause)
        {
            case TermClause term when !documentLevel:
                return $"({stems} : {FtsTerm.Quote(FtsTerm.Encode(term.Stem))})";
            case PhraseClause phrase when !documentLevel:
                return $"({phraseStems} : {Phrase(phrase.Stems)})";
            case TermClause term:
                // The exact-word alternative never widens the match (a word always has its stem) but lets bm25 rank
                // exact words above other forms of the same stem.
                return $"({stems} : {FtsTerm.Quote(FtsTerm.Encode(term.Stem))} OR {words} : {FtsTerm.Quote(FtsTerm.Encode(term.Word))})";
            case PhraseClause phrase:
                return $"({phraseStems} : {Phrase(phrase.Stems)} OR {words} : {Phrase(phrase.Words)})";
            case PrefixClause prefix:
                return FtsTerm.IsPlain(prefix.Prefix)
                    ? $"({words} : {FtsTerm.Quote(prefix.Prefix)} *)"
                    : $"({words} : {FtsTerm.Quote(FtsTerm.Encode(prefix.Prefix))})";
            case AnyClause any:
                return "(" + string.Join(" OR ", any.Children.Select(c => Write(c, documentLevel))) + ")";
            case AllClause all:
                {
                    var builder = new StringBuilder("(");
                    builder.Append(string.Join(" AND ", all.Positive.Select(c => Write(c, documentLevel))));
                    if (all.Negative.Count > 0)
                    {
                        builder.Append(" NOT (").Append(string.Join(" OR ", all.Negative.Select(c => Write(c, documentLevel)))).Append(')');
                    }

                    return builder.Append(')').ToString();
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(clause));
        }
    }

    private static string Phrase(IReadOnlyList<string> terms) =>
        FtsTerm.Quote(string.Join(' ', terms.Select(FtsTerm.Encode)));
}
