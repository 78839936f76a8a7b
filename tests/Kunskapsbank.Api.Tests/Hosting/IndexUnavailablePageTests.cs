using System.Net;
using System.Net.Http.Headers;
using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Hosting;

/// <summary>A host whose index file is not an index: it runs, but every search page is unavailable.</summary>
public sealed class UnopenableIndexHost : ApiHost
{
    protected override bool ExpectsUsableIndex => false;

    protected override void SeedCorpus()
    {
        base.SeedCorpus();
        Directory.CreateDirectory(Path.GetDirectoryName(IndexPath)!);
        File.WriteAllText(IndexPath, "Det här är en anteckning, inget sökindex.");
    }
}

public class IndexUnavailablePageTests(UnopenableIndexHost host) : IClassFixture<UnopenableIndexHost>
{
    [Theory]
    [InlineData("/dokument/1")]
    [InlineData("/?q=v%C3%A5ld")]
    [InlineData("/stodtelefon?q=freda")]
    public async Task A_browser_gets_a_swedish_page_that_retries_instead_of_a_json_problem(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await host.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains("Sökindexet kunde inte öppnas", html, StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(host.IndexPath, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_still_answers_with_a_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/search?q=v%C3%A5ld", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Readiness_reports_the_failure_in_swedish()
    {
        using var response = await host.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"status\":\"fel\"", body, StringComparison.Ordinal);
        Assert.Contains("Sökindexet kunde inte öppnas", body, StringComparison.Ordinal);
    }
}
