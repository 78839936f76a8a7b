using System.Globalization;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace Kunskapsbank.Indexer.Extraction.Markdown;

/// <summary>Markdown through Markdig (CommonMark, pipe tables, strikethrough): front matter becomes properties,
/// headings (ATX and setext) start passages, syntax is stripped to what a reader sees.</summary>
public sealed class MarkdownExtractor : ITextExtractor
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .Build();

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    /// <inheritdoc />
    public ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (InputChecks.CheckSize(path, limits) is { } failure)
        {
            return failure;
        }

        var read = TextFileReader.Read(path, limits.MaxTextChars, cancellationToken);
        var text = TextCleanup.Normalize(read.Text);
        var builder = new PassageBuilder(limits.MaxTextChars);
        if (read.Truncated)
        {
            builder.Note(PassageNotes.TextCut(limits.MaxTextChars));
        }

        var document = MarkdownNestingGuard.IsTooDeep(text) ? null : TryParse(text);
        if (document is null)
        {
            // Deeper than any real document: the words are still worth finding, the structure is not worth the time.
            builder.Note($"Markdown-filen är nästlad i fler än {MarkdownNestingGuard.MaxDepth} nivåer; texten indexerades utan rubriker och listor.");
            builder.AddParagraphs(TextCleanup.SplitParagraphs(text), page: null, headingPath: []);
            return Finish(builder, DocumentProperties.Empty);
        }

        var properties = DocumentProperties.Empty;
        if (document.Count > 0 && document[0] is YamlFrontMatterBlock yaml)
        {
            var frontMatter = MarkdownFrontMatter.Read(string.Join('\n', yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.Slice.ToString())), yaml.Line + 2);
            foreach (var problem in frontMatter.Problems)
            {
                builder.Note(problem);
            }

            properties = ToProperties(frontMatter.Fields);
        }
        else if (LooksLikeUnclosedFrontMatter(text))
        {
            builder.Note("Metadatablocket i början av filen saknar en avslutande rad med ---; blocket lästes som vanlig text.");
        }

        foreach (var section in MarkdownSections.Read(document, text, cancellationToken))
        {
            builder.AddParagraphs(section.Paragraphs, page: null, section.HeadingPath);
        }

        return Finish(builder, properties);
    }

    private static MarkdownDocument? TryParse(string text)
    {
        try
        {
            return Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses nesting past its cap rather than risk the stack.
            return null;
        }
    }

    private static ExtractionResult Finish(PassageBuilder builder, DocumentProperties properties) =>
        builder.Count == 0
            ? ExtractionResult.Fail(ExtractionFailureKind.Empty, "Markdown-filen innehåller ingen text.")
            : ExtractionResult.Success(builder.Build(properties));

    /// <summary>"---" then "key: value" at the top with no closing "---": Markdig reads it as text, the editor meant metadata.</summary>
    private static bool LooksLikeUnclosedFrontMatter(string text)
    {
        using var lines = new StringReader(text);
        return lines.ReadLine()?.TrimEnd() == "---" && lines.ReadLine() is { } second && second.Contains(": ", StringComparison.Ordinal);
    }

    private static DocumentProperties ToProperties(IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
    {
        string? Single(string key) => fields.TryGetValue(key, out var values) && values.Count > 0 && values[0].Length > 0 ? values[0] : null;

        return new DocumentProperties(
            Title: Single("title"),
            Author: Single("author"),
            Subject: Single("subject") ?? Single("description"),
            Keywords: fields.TryGetValue("keywords", out var keywords) && keywords.Count > 0 ? keywords : null,
            Created: DateTimeOffset.TryParse(Single("date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null,
            Fields: fields);
    }
}
