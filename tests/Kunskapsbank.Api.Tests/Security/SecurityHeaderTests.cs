using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Security;

public class SecurityHeaderTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/search?q=v%C3%A5ld")]
    [InlineData("/api/search?q=v%C3%A5ld&pageSize=0")]
    [InlineData("/api/finns-inte")]
    [InlineData("/api/documents/123456789")]
    [InlineData("/api/openapi/v1.json")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var response = await host.Client.GetAsync(new Uri(url, UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task An_original_document_allows_the_browser_pdf_viewer_but_no_script()
    {
        var id = await host.FindIdAsync("kollektivt sanktionerat", ".pdf");
        using var response = await host.Client.GetAsync(new Uri($"/api/documents/{id}/file", UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
