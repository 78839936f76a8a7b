using System.Net;
using System.Net.Http.Headers;
using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Controllers;

public class DocumentEndpointTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_document_has_metadata_an_outline_of_headings_and_its_passages()
    {
        var id = await host.FindIdAsync("riskbedömning", "rutin-hedersvald.md");
        var document = await host.GetJsonAsync($"/api/documents/{id}");

        Assert.Equal(id, document.GetProperty("id").GetInt64());
        Assert.Equal("Rutin vid misstanke om hedersrelaterat våld", document.GetProperty("title").GetString());
        Assert.Equal($"/api/documents/{id}/file", document.GetProperty("fileUrl").GetString());
        var outline = document.GetProperty("outline").EnumerateArray().Select(o => o.GetProperty("label").GetString()).ToList();
        Assert.Contains("Riskbedömning", outline);
        Assert.Contains("Skyddat boende", outline);
        Assert.True(document.GetProperty("passages").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task A_document_is_one_flat_object_with_the_summary_fields_first()
    {
        var id = await host.FindIdAsync("riskbedömning", "rutin-hedersvald.md");
        var document = await host.GetJsonAsync($"/api/documents/{id}");

        // The records build on one DocumentSummary; their JSON must stay one flat object, in this order.
        Assert.Equal(
            ["id", "path", "title", "publisher", "year", "documentType", "status", "supersededBy", "contentType", "pageCount", "tags", "passages", "replacedBy", "fileUrl", "outline"],
            document.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task A_pdf_outline_lists_its_pages()
    {
        var id = await host.FindIdAsync("kollektivt sanktionerat", ".pdf");
        var document = await host.GetJsonAsync($"/api/documents/{id}");
        var pages = document.GetProperty("outline").EnumerateArray().Select(o => o.GetProperty("page").GetInt32()).ToList();
        Assert.True(pages.Count >= 2);
        Assert.Equal(1, pages[0]);
    }

    [Fact]
    public async Task The_pdf_file_is_served_inline_with_its_content_type_and_a_utf8_name()
    {
        var id = await host.FindIdAsync("kollektivt sanktionerat", ".pdf");
        using var response = await host.Client.GetAsync(new Uri($"/api/documents/{id}/file", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(host.CorpusPath, "vald-i-nara-relationer", "vagledning-vald-i-nara-relationer.pdf")), bytes);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("vagledning-vald-i-nara-relationer.pdf", disposition.FileNameStar);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Contains("object-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_request_returns_just_those_bytes()
    {
        var id = await host.FindIdAsync("kollektivt sanktionerat", ".pdf");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/documents/{id}/file", UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(0, 7);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("%PDF-1.", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync())[..7]);
        Assert.Equal(8, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_range_past_the_end_is_416()
    {
        var id = await host.FindIdAsync("kollektivt sanktionerat", ".pdf");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/documents/{id}/file", UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(10_000_000, 10_000_010);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }

    [Fact]
    public async Task A_text_file_keeps_its_swedish_name_in_the_header()
    {
        var id = await host.FindIdAsync("könsstympning", "konsstympning-faktablad.txt");
        using var response = await host.Client.GetAsync(new Uri($"/api/documents/{id}/file", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Könsstympning är förbjudet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/documents/987654321")]
    [InlineData("/api/documents/987654321/file")]
    [InlineData("/api/documents/-1/file")]
    [InlineData("/api/documents/0")]
    public async Task An_unknown_id_is_a_404_problem(string url)
    {
        using var response = await host.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal("urn:kunskapsbank:fel:dokumentet-finns-inte", await Problem.AssertAsync(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_file_deleted_after_indexing_is_a_404_not_a_500()
    {
        var path = Path.Combine(host.CorpusPath, "tillfallig.md");
        await File.WriteAllTextAsync(path, "# Tillfällig\n\nOrdet flyktigtestord finns bara här.");
        var id = await Poll.UntilAsync(async () => await host.TotalAsync("flyktigtestord") == 1 ? await host.FindIdAsync("flyktigtestord", "tillfallig.md") : (long?)null);
        File.Delete(path);

        using var response = await host.Client.GetAsync(new Uri($"/api/documents/{id}/file", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"got {(int)response.StatusCode}");
    }
}
