using System.Text;
using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Turns a document's title and passages into the analysed FTS5 columns (words, stems, compound parts).</summary>
public sealed class FtsColumnsBuilder(Analyzer analyzer)
{
    /// <summary>The document row and one row per passage.</summary>
    public (FtsColumns Document, IReadOnlyList<FtsColumns> Passages) Build(string title, IReadOnlyList<ExtractedPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(passages);
        var titleWords = new StringBuilder();
        var titleStems = new StringBuilder();
        var docParts = new StringBuilder();
        Append(analyzer.Analyze(title), titleWords, titleStems, docParts);

        var docHeadWords = new StringBuilder();
        var docHeadStems = new StringBuilder();
        var docBodyWords = new StringBuilder();
        var docBodyStems = new StringBuilder();
        var rows = new List<FtsColumns>(passages.Count);
        string? previousHeading = null;
        foreach (var passage in passages)
        {
            var headWords = new StringBuilder();
            var headStems = new StringBuilder();
            var bodyWords = new StringBuilder();
            var bodyStems = new StringBuilder();
            var parts = new StringBuilder();
            var heading = passage.Heading;
            if (!string.IsNullOrEmpty(heading))
            {
                var headingTokens = analyzer.Analyze(heading);
                Append(headingTokens, headWords, headStems, parts);

                // A heading spanning several pages (PDF) is counted once in the document row.
                if (heading != previousHeading)
                {
                    Append(headingTokens, docHeadWords, docHeadStems, docParts);
                }
            }

            previousHeading = heading;
            var bodyTokens = analyzer.Analyze(passage.Text);
            Append(bodyTokens, bodyWords, bodyStems, parts);
            Append(bodyTokens, docBodyWords, docBodyStems, docParts);
            rows.Add(new FtsColumns(string.Empty, string.Empty, headWords.ToString(), headStems.ToString(), bodyWords.ToString(), bodyStems.ToString(), parts.ToString()));
        }

        var document = new FtsColumns(
            titleWords.ToString(),
            titleStems.ToString(),
            docHeadWords.ToString(),
            docHeadStems.ToString(),
            docBodyWords.ToString(),
            docBodyStems.ToString(),
            docParts.ToString());
        return (document, rows);
    }

    // Whole words (stop words included, so phrases keep their positions) go to the word and stem columns; compound
    // parts go to their own column so they neither shift phrase positions nor weigh like whole words.
    private static void Append(IReadOnlyList<Token> tokens, StringBuilder words, StringBuilder stems, StringBuilder parts)
    {
        foreach (var token in tokens)
        {
            if (token.IsCompoundPart)
            {
                AppendTerm(parts, token.Term);
                continue;
            }

            AppendTerm(words, token.Word);
            AppendTerm(stems, token.Term);
        }
    }

    private static void AppendTerm(StringBuilder builder, string term)
    {
        if (term.Length == 0)
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(FtsTerm.Encode(term));
    }
}
