using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Kunskapsbank.Indexer.Tests.Extraction;

/// <summary>Builds small .docx files with the Open XML SDK for the cases no real test file covers in one place.</summary>
internal static class WordTestDocument
{
    /// <summary>A document with Swedish heading styles, a TOC field spanning paragraphs, PAGEREF/FORMTEXT fields,
    /// a footnote, a tracked deletion, a numbered list, an outline-level heading and a header.</summary>
    public static void WriteKitchenSink(string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            ParagraphStyle("Normal", "Normal", basedOn: null, isDefault: true),
            ParagraphStyle("Rubrik", "Title", "Normal"),
            ParagraphStyle("Underrubrik", "Subtitle", "Rubrik"),
            ParagraphStyle("Rubrik1", "heading 1", "Normal", outlineLevel: 0),
            ParagraphStyle("Rubrik2", "Rubrik 2", "Normal"),
            ParagraphStyle("MinRubrik", "Egen rubrik", "Rubrik1"),
            ParagraphStyle("Innehll1", "toc 1", "Normal"),
            ParagraphStyle("Liststycke", "List Paragraph", "Normal"));

        var footnotes = main.AddNewPart<FootnotesPart>();
        footnotes.Footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new Text("separator")))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new FootnoteReferenceMark()), new Run(new Text(" Se Socialstyrelsens handbok om våld.") { Space = SpaceProcessingModeValues.Preserve }))) { Id = 1 });

        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(new Run(new Text("Sidhuvud som inte är brödtext"))));

        main.Document = new Document(new Body(
            Styled("Rubrik", new Run(new Text("Rutin mot våld"))),
            Styled("Underrubrik", new Run(new Text("Underrubrik är brödtext"))),
            Styled("Innehll1",
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" TOC \\o \"1-3\" \\h ")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new Text("Inledning innehållsrad")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" PAGEREF _Toc1 \\h ")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new Text("3")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End })),
            new Paragraph(new Run(new Text("Fortfarande innehållsförteckning"))),
            new Paragraph(new Run(new FieldChar { FieldCharType = FieldCharValues.End })),
            Styled("Rubrik1", new Run(new Text("Inledning"))),
            new Paragraph(
                new Run(new Text("Namn: ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" FORMTEXT ")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new Text("A.B.")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                new Run(new Text(" ska få stöd") { Space = SpaceProcessingModeValues.Preserve }),
                new DeletedRun(new Run(new DeletedText(" raderad text"))),
                new Run(new FootnoteReference { Id = 1 }),
                new Run(new Text("."))),
            Styled("Rubrik2", new Run(new Text("Steg"))),
            Numbered(new Run(new Text("Fråga om våld."))),
            Numbered(new Run(new Text("Gör en riskbedömning."))),
            Styled("MinRubrik", new Run(new Text("Egen rubrik på nivå ett"))),
            new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 1 }), new Run(new Text("Rubrik genom dispositionsnivå"))),
            new Paragraph(new Run(new Text("Text under dispositionsnivån.")))));
        main.Document.Body!.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }));

        document.PackageProperties.Title = "Rutin för test";
        document.PackageProperties.Creator = "Testförvaltningen";
        document.PackageProperties.Keywords = "våld; rutin, skydd";
        document.PackageProperties.Created = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault = false, int? outlineLevel = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = OnOffValue.FromBoolean(true);
        }

        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        if (outlineLevel is { } level)
        {
            style.Append(new StyleParagraphProperties(new OutlineLevel { Val = level }));
        }

        return style;
    }

    private static Paragraph Styled(string styleId, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        paragraph.Append(content);
        return paragraph;
    }

    private static Paragraph Numbered(params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = "Liststycke" },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
        paragraph.Append(content);
        return paragraph;
    }
}
