using System.Net;
using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Security;

/// <summary>A corpus with a secret file beside it, a symlink to that file and a symlinked folder leading out.</summary>
public sealed class CorpusWithEscapesHost : ApiHost
{
    public const string Secret = "HEMLIGT-INNEHALL-hemligtmarkord";

    protected override void Configure(Dictionary<string, string?> settings) => settings["Kunskapsbank:AdminApiKey"] = AdminKey;

    protected override void SeedCorpus()
    {
        base.SeedCorpus();
        var secret = Path.Combine(Root, "hemlig.md");
        File.WriteAllText(secret, "# Hemlig\n\n" + Secret);
        File.CreateSymbolicLink(Path.Combine(CorpusPath, "lank-till-hemlig.md"), secret);
        Directory.CreateSymbolicLink(Path.Combine(CorpusPath, "utanfor"), Root);
    }
}

public class PathSafetyTests(CorpusWithEscapesHost host) : IClassFixture<CorpusWithEscapesHost>
{
    public static TheoryData<string> Traversals => new()
    {
        "/api/documents/../../../../etc/passwd",
        "/api/documents/1/../../../../etc/passwd",
        "/api/documents/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/api/documents/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd/file",
        "/api/documents/..%2F..%2F..%2Fhemlig.md/file",
        "/api/documents/..%252F..%252Fhemlig.md/file",
        "/api/documents/..%5C..%5Chemlig.md/file",
        "/api/documents/..\\..\\hemlig.md/file",
        "/api/documents/1%2F..%2F..%2Fhemlig.md/file",
        "/api/documents/%2Fetc%2Fpasswd/file",
        "/api/documents/lank-till-hemlig.md/file",
        "/api/documents/utanfor%2Fhemlig.md/file",
        "/api/documents/1%00/file",
        "/api/documents/1%00.pdf",
        "/api/documents/%00/file",
        "/api/documents/1/file%00",
        "/api/documents/1/file/..%2F..%2F..%2Fhemlig.md",
        "/api/documents/987654/file?path=../../hemlig.md",
        "/api/documents/file?path=%2e%2e%2fhemlig.md",
        "/%2e%2e/%2e%2e/hemlig.md",
        "/../hemlig.md",
        "//etc/passwd",
        "/corpus/../hemlig.md",
        "/api/documents/%c0%ae%c0%ae/%c0%ae%c0%ae/hemlig.md",
        "/api/documents/0x1/file",
        "/api/documents/1e3/file",
        "/api/documents/ 1/file",
    };

    [Theory]
    [MemberData(nameof(Traversals))]
    public async Task A_traversal_attempt_is_a_404_and_never_a_file(string target)
    {
        var answer = await RawHttp.SendAsync(host.Client.BaseAddress!, target);

        Assert.DoesNotContain(CorpusWithEscapesHost.Secret, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("root:x:0:0", answer.Text, StringComparison.Ordinal);
        Leaks.AssertNone(answer.Text);
        // A NUL or a malformed request line never reaches the app: Kestrel itself answers 400 with no body.
        Assert.True(answer.Status == 404 || (answer.Status == 400 && !answer.Text.Contains("problem", StringComparison.Ordinal)), $"{target} → {answer.Status}");
        if (answer.Status == 404)
        {
            Assert.Contains("application/problem+json", answer.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_symlink_leading_out_of_the_corpus_is_neither_searchable_nor_served()
    {
        Assert.Equal(0, await host.TotalAsync("hemligtmarkord"));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/admin/report", UriKind.Relative));
        request.Headers.Add("X-Api-Key", ApiHost.AdminKey);
        using var report = await host.Client.SendAsync(request);
        var json = System.Text.Json.JsonDocument.Parse(await report.Content.ReadAsStringAsync()).RootElement;
        var ids = json.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToList();
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            using var file = await host.Client.GetAsync(new Uri($"/api/documents/{id}/file", UriKind.Relative));
            Assert.DoesNotContain(CorpusWithEscapesHost.Secret, await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_document_whose_file_was_replaced_by_a_symlink_out_of_the_corpus_is_not_served()
    {
        var id = await host.FindIdAsync("könsstympning", "konsstympning-faktablad.txt");
        var path = Path.Combine(host.CorpusPath, "konsstympning-faktablad.txt");
        var original = await File.ReadAllTextAsync(path);
        File.Delete(path);
        File.CreateSymbolicLink(path, Path.Combine(host.Root, "hemlig.md"));
        try
        {
            using var response = await host.Client.GetAsync(new Uri($"/api/documents/{id}/file", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(CorpusWithEscapesHost.Secret, body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            File.Delete(path);
            await File.WriteAllTextAsync(path, original);
        }
    }
}
