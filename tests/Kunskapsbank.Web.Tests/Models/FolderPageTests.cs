using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Extraction.Ocr;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Web.DocumentFolder;
using Kunskapsbank.Web.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Kunskapsbank.Web.Tests.Models;

/// <summary>The Dokumentmappen page built from report values, OCR ones included (the OCR work sets them for real).</summary>
public sealed class FolderPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 13, 30, 0, TimeSpan.Zero);
    private static readonly TimeText Time = new(Now, TimeZoneInfo.Utc);

    private static readonly TaxonomyLabels Labels = new(
    [
        new FacetSummary("amne", "Ämne", [new FacetCount("hedersrelaterat-vald", "Hedersrelaterat våld", 3, false)]),
    ]);

    [Fact]
    public void Failed_files_come_first_then_those_being_read_then_the_searchable_in_swedish_order()
    {
        var page = Page(Snapshot(
            [Indexed("ö-rutin.md", 1), Indexed("a-rutin.md", 2), Failed("z-trasig.pdf", "corrupt"), Ocr("skannad.pdf", 2, 12)],
            reading: ["ny.md"]));

        Assert.Equal(["z-trasig.pdf", "ny.md", "skannad.pdf", "a-rutin.md", "ö-rutin.md"], page.Files.Select(f => f.Path));
        Assert.Equal("5 filer: 2 sökbara, 2 läses, 1 misslyckades.", page.Status.Summary);
        Assert.Equal(2, page.Counts[FolderFilter.Reading]);
    }

    [Fact]
    public void A_file_in_ocr_shows_the_page_it_is_on_and_counts_as_being_read()
    {
        var file = Assert.Single(Page(Snapshot([Ocr("skannad.pdf", 2, 12)])).Files);

        Assert.Equal(FileState.Ocr, file.State);
        Assert.Equal("OCR pågår, sida 3 av 12", file.StateLabel);
        Assert.Equal("tillstand-lases", file.StateClass);
        Assert.Null(file.OcrNote);
    }

    [Fact]
    public void A_searchable_scanned_file_says_its_text_was_read_by_ocr()
    {
        var scanned = Indexed("skannad.pdf", 4) with { Ocr = new OcrProgress(12, 12, 12) };

        var file = Assert.Single(Page(Snapshot([scanned])).Files);

        Assert.Equal("Sökbar", file.StateLabel);
        Assert.Equal("Inskannad: OCR klar, 12 sidor lästa. Texten är tolkad text och kan innehålla läsfel.", file.OcrNote);
    }

    [Theory]
    [InlineData("encrypted", "Lösenordsskyddad", "Spara filen utan lösenord")]
    [InlineData("corrupt", "Skadad eller fel filtyp", "hämta en ny kopia från källan")]
    [InlineData("needs-ocr", "Bara bilder, ingen text", "textigenkänning (OCR)")]
    [InlineData("too-large", "För stor", "Dela upp dokumentet")]
    [InlineData("metadata", "Fel i sidofilen", ".meta.yml")]
    [InlineData("något-nytt", "Kunde inte läsas", "Spara filen på nytt")]
    public void A_failed_file_says_what_went_wrong_and_what_to_do_about_it(string kind, string label, string advice)
    {
        var file = Assert.Single(Page(Snapshot([Failed("rapport.pdf", kind)])).Files);

        Assert.Equal("Misslyckades", file.StateLabel);
        Assert.Equal(label, file.FailureLabel);
        Assert.Equal("Filen gick inte att läsa.", file.Reason);
        Assert.Contains(advice, file.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_file_changed_again_is_being_read_and_its_old_reason_is_not_shown()
    {
        var file = Assert.Single(Page(Snapshot([Failed("rapport.pdf", "encrypted")], reading: ["rapport.pdf"])).Files);

        Assert.Equal((FileState.Reading, "Läses"), (file.State, file.StateLabel));
        Assert.Null(file.Reason);
        Assert.Null(file.Advice);
    }

    [Fact]
    public void Tags_carry_their_swedish_names_their_source_and_why()
    {
        var document = Document("rutin.md", 1, new FacetTag("amne", "hedersrelaterat-vald", TagSource.AutoTag, "Ordet ”heder” förekommer 4 gånger."));

        var file = Assert.Single(Page(Snapshot([Indexed("rutin.md", 1)], documents: [document])).Files);

        var tag = Assert.Single(file.Tags);
        Assert.Equal(new FolderTag("Ämne", "Hedersrelaterat våld", "automatisk taggning", "Ordet ”heder” förekommer 4 gånger."), tag);
        Assert.Equal("/dokument/1", file.DocumentUrl);
    }

    [Fact]
    public void The_name_search_ignores_case_and_the_unicode_form_of_å_ä_ö()
    {
        var page = Page(Snapshot([Indexed("Våld-i-nära-relationer.pdf", 1), Indexed("annat.md", 2)]), Query(("namn", "VA\u030aLD")));

        Assert.Equal(["Våld-i-nära-relationer.pdf"], page.Files.Select(f => f.Path));
        Assert.Equal("Alla filer med ”VÅLD” i namnet (1)", page.ListHeading);
    }

    [Fact]
    public void The_query_string_falls_back_to_the_whole_folder_and_bounds_its_sizes()
    {
        var query = FolderQuery.FromQueryString(Query(("visa", "<script>"), ("namn", new string('a', 5000)), ("sida", "-3")));

        Assert.Equal(FolderFilter.All, query.Filter);
        Assert.Equal(FolderQuery.MaxNameLength, query.Name.Length);
        Assert.Equal(1, query.Page);
        Assert.Equal("/dokumentmappen?visa=misslyckade&namn=r%C3%A5d", new FolderQuery(FolderFilter.Failed, "råd", 1).ToUrl());
    }

    [Fact]
    public void A_page_number_past_the_end_shows_the_last_page()
    {
        var files = Enumerable.Range(0, FolderPage.PageSize + 3).Select(i => Indexed($"fil-{i:D3}.md", i)).ToList();

        var page = Page(Snapshot(files), Query(("sida", "99")));

        Assert.Equal(2, page.Query.Page);
        Assert.Equal(3, page.Files.Count);
        Assert.Equal("Alla filer – visar 51–53 av 53", page.ListHeading);
    }

    [Fact]
    public void Changes_are_newest_first_and_told_as_sentences_with_the_reason_of_a_failure()
    {
        var page = Page(Snapshot(
            [Indexed("ny.md", 1), Failed("trasig.pdf", "corrupt")],
            changes:
            [
                new ReportedChange(Now.AddMinutes(-5), "tillagd", "ny.md", null),
                new ReportedChange(Now.AddMinutes(-1), "misslyckad", "trasig.pdf", null),
                new ReportedChange(Now.AddMinutes(-3), "flyttad", "arkiv/gammal.md", "gammal.md"),
            ]));

        Assert.Equal(
            ["trasig.pdf kunde inte indexeras: Filen gick inte att läsa.", "gammal.md är flyttad till arkiv/gammal.md.", "ny.md är tillagd och sökbar."],
            page.RecentChanges.Select(c => c.Sentence));
        Assert.Equal("/dokument/1", page.RecentChanges[2].DocumentUrl);
        Assert.Equal(["trasig.pdf"], page.Status.ChangesAfter(Now.AddMinutes(-2), 5).Select(c => c.Path));
    }

    [Fact]
    public void The_version_changes_when_a_file_starts_being_read_and_not_otherwise()
    {
        var files = new List<ReportedFile> { Indexed("a.md", 1) };

        var before = new FolderStatus(Snapshot(files)).Version;

        Assert.Equal(before, new FolderStatus(Snapshot(files)).Version);
        Assert.NotEqual(before, new FolderStatus(Snapshot(files, reading: ["a.md"])).Version);
    }

    [Theory]
    [InlineData(0, "0 byte")]
    [InlineData(812, "812 byte")]
    [InlineData(32_400, "32 kB")]
    [InlineData(1_240_000, "1,2 MB")]
    public void Sizes_are_written_the_swedish_way(long bytes, string text) => Assert.Equal(text, TimeText.Size(bytes));

    [Fact]
    public void Times_near_today_are_said_as_today_and_yesterday()
    {
        Assert.Equal("i dag 09:05", Time.Of(new DateTimeOffset(2026, 12, 5, 9, 5, 0, TimeSpan.Zero)));
        Assert.Equal("i går 23:59", Time.Of(new DateTimeOffset(2026, 12, 4, 23, 59, 0, TimeSpan.Zero)));
        Assert.Equal("3 feb 2025 08:00", Time.Of(new DateTimeOffset(2025, 2, 3, 8, 0, 0, TimeSpan.Zero)));
    }

    private static FolderPage Page(DocumentFolderSnapshot snapshot, IQueryCollection? query = null) =>
        new(new FolderStatus(snapshot), FolderQuery.FromQueryString(query ?? Query()), Labels, Time);

    private static QueryCollection Query(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => new StringValues(v.Value)));

    private static DocumentFolderSnapshot Snapshot(
        IReadOnlyList<ReportedFile> files,
        IReadOnlyList<string>? reading = null,
        IReadOnlyList<ReportedDocument>? documents = null,
        IReadOnlyList<ReportedChange>? changes = null)
    {
        var docs = documents ?? files.Where(f => f.State == "indexed").Select(f => Document(f.Path, f.DocumentId!.Value)).ToList();
        var failed = files.Where(f => f.State == "failed").Select(f => new FailedFile(f.Path, f.FailureKind!, f.Reason!)).ToList();
        return new DocumentFolderSnapshot(new IndexReport(docs, failed, Now.AddHours(-1), files, changes ?? []), "v1", reading ?? [], null);
    }

    private static ReportedDocument Document(string path, long id, params FacetTag[] tags) =>
        new(new DocumentSummary(id, path, "Titel " + path, null, null, null, "gallande", null), tags, []);

    private static ReportedFile Indexed(string path, long id) =>
        new(path, "indexed", id, "Titel " + path, null, null, 2000, Now.AddDays(-2), Now.AddHours(-1));

    private static ReportedFile Failed(string path, string kind) =>
        new(path, "failed", null, null, kind, "Filen gick inte att läsa.", 500, Now.AddDays(-2), Now.AddHours(-1));

    private static ReportedFile Ocr(string path, int done, int total) =>
        new(path, "ocr", null, null, null, null, 90_000, Now.AddDays(-2), Now.AddMinutes(-1), new OcrProgress(done, total, done + 1));
}
