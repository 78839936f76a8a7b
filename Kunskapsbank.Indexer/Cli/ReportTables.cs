using Kunskapsbank.Indexer.Corpus;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>The tables `index` and `report` share, laid out by Spectre.Console to the width of the output.</summary>
internal static class ReportTables
{
    /// <summary>Files that could not be indexed: file, kind of failure, and the Swedish reason.</summary>
    public static Table Failures(IReadOnlyList<FailedFile> failed) => Table(
        $"{SwedishText.Count(failed.Count, "fil", "filer")} kunde inte indexeras",
        ["Fil", "Fel", "Skäl"],
        failed.Select(f => new[] { f.Path, FailureKind(f.Kind), f.Reason }));

    /// <summary>A table with a heading, columns that wrap, and cells taken as plain text (never as markup).</summary>
    public static Table Table(string title, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table { Title = new TableTitle(title), Border = TableBorder.Rounded, Expand = false };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(Cell).ToArray());
        }

        return table;
    }

    /// <summary>Text as it is: brackets in a file name are not markup.</summary>
    public static IRenderable Cell(string text) => new Text(text);

    /// <summary>The Swedish name of a failure kind (the stable ids of <see cref="FailureKinds"/>).</summary>
    public static string FailureKind(string kind) => kind switch
    {
        "unsupported-format" => "Okänt format",
        "empty" => "Ingen text",
        "corrupt" => "Trasig",
        "encrypted" => "Krypterad",
        "needs-ocr" => "Behöver OCR",
        "too-large" => "För stor",
        "timeout" => "Tog för lång tid",
        FailureKinds.Metadata => "Metadata",
        _ => "Kunde inte läsas",
    };
}
