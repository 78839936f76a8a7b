using System.Text.Json;
using Kunskapsbank.Api.Security;
using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Security;

/// <summary>Long request lines and large headers, sent byte for byte: a Swedish answer from us, not a bare one from Kestrel.</summary>
public class RequestLimitTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Browser = "Accept: text/html,application/xhtml+xml\r\n";

    private Uri Server => host.Client.BaseAddress!;

    [Fact]
    public async Task A_ten_kilobyte_query_reaches_the_service_and_gets_its_swedish_answer()
    {
        var query = Uri.EscapeDataString("våld " + new string('x', 10_000));
        Assert.InRange(query.Length, 10_000, RequestLimits.MaxTargetLength);

        var api = await RawHttp.SendAsync(Server, "/api/search?q=" + query);
        Assert.Equal(400, api.Status);
        Assert.Equal("urn:kunskapsbank:fel:for-lang-fraga", Type(api));

        // The page cuts a long query instead of refusing it.
        var page = await RawHttp.SendAsync(Server, "/?q=" + query, extraHeaders: Browser);
        Assert.Equal(200, page.Status);
        Assert.Contains("för ”våld xxx", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_line_over_our_limit_is_a_swedish_414_problem_or_page()
    {
        var target = "/api/search?q=" + new string('a', RequestLimits.MaxTargetLength);

        var api = await RawHttp.SendAsync(Server, target);
        Assert.Equal(414, api.Status);
        Assert.Equal("urn:kunskapsbank:fel:for-lang-adress", Type(api));

        var page = await RawHttp.SendAsync(Server, "/?q=" + new string('a', RequestLimits.MaxTargetLength), extraHeaders: Browser);
        Assert.Equal(414, page.Status);
        Assert.Contains("Content-Type: text/html", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<html lang=\"sv\"", page.Text, StringComparison.Ordinal);
        Assert.Contains("Adressen är för lång", page.Text, StringComparison.Ordinal);
        Leaks.AssertNone(page.Text);
    }

    [Fact]
    public async Task Headers_over_our_limits_are_a_swedish_431_problem_or_page()
    {
        var cookie = "Cookie: " + new string('c', RequestLimits.MaxHeaderBytes) + "\r\n";
        var api = await RawHttp.SendAsync(Server, "/api/search?q=v%C3%A5ld", extraHeaders: cookie);
        Assert.Equal(431, api.Status);
        Assert.Equal("urn:kunskapsbank:fel:for-stora-huvuden", Type(api));

        var page = await RawHttp.SendAsync(Server, "/?q=v%C3%A5ld", extraHeaders: Browser + cookie);
        Assert.Equal(431, page.Status);
        Assert.Contains("kakor", page.Text, StringComparison.Ordinal);

        var many = string.Concat(Enumerable.Range(0, RequestLimits.MaxHeaderCount + 1).Select(i => $"X-Falt-{i}: {i}\r\n"));
        var counted = await RawHttp.SendAsync(Server, "/api/search?q=v%C3%A5ld", extraHeaders: many);
        Assert.Equal(431, counted.Status);
        Assert.Equal("urn:kunskapsbank:fel:for-stora-huvuden", Type(counted));
    }

    [Fact]
    public async Task Unknown_pages_and_methods_get_a_swedish_page_in_a_browser_and_a_problem_elsewhere()
    {
        var page = await RawHttp.SendAsync(Server, "/finns-inte", extraHeaders: Browser);
        Assert.Equal(404, page.Status);
        Assert.Contains("Sidan finns inte", page.Text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv\"", page.Text, StringComparison.Ordinal);

        var api = await RawHttp.SendAsync(Server, "/finns-inte");
        Assert.Equal(404, api.Status);
        Assert.Equal("urn:kunskapsbank:fel:hittades-inte", Type(api));

        // A browser link to `//other.site/` must not turn into a "try again" link to another site.
        var twoSlashes = await RawHttp.SendAsync(Server, "//example.org/", extraHeaders: Browser);
        Assert.DoesNotContain("href=\"//example.org", twoSlashes.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beyond_kestrels_raised_limits_kestrel_still_answers_by_itself()
    {
        // Documented in docs/tjansten-och-api.md: past these bounds no application code runs, so the answer is bare.
        var line = await RawHttp.SendAsync(Server, "/api/search?q=" + new string('a', RequestLimits.KestrelMaxRequestLine));
        Assert.Equal(414, line.Status);

        var headers = await RawHttp.SendAsync(Server, "/api/search?q=a", extraHeaders: "Cookie: " + new string('c', RequestLimits.KestrelMaxHeaders) + "\r\n");
        Assert.Equal(431, headers.Status);

        // And the service answers normally right after.
        var after = await RawHttp.SendAsync(Server, "/api/search?q=v%C3%A5ld");
        Assert.Equal(200, after.Status);
    }

    private static string Type(RawHttp.Answer answer)
    {
        var body = Body(answer.Text);
        Assert.Contains("application/problem+json", answer.Text, StringComparison.Ordinal);
        Leaks.AssertNone(body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        return root.GetProperty("type").GetString()!;
    }

    // The body after the headers, with chunked transfer encoding undone.
    private static string Body(string response)
    {
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var rest = response[(split + 4)..];
        if (!response[..split].Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return rest;
        }

        var body = new System.Text.StringBuilder();
        while (rest.Length > 0)
        {
            var lineEnd = rest.IndexOf("\r\n", StringComparison.Ordinal);
            var size = Convert.ToInt32(rest[..lineEnd].Trim(), 16);
            if (size == 0)
            {
                break;
            }

            // Sizes count UTF-8 bytes; the problem bodies here are short enough to take the rest of the chunk by bytes.
            var bytes = System.Text.Encoding.UTF8.GetBytes(rest[(lineEnd + 2)..]);
            body.Append(System.Text.Encoding.UTF8.GetString(bytes, 0, size));
            rest = System.Text.Encoding.UTF8.GetString(bytes, size, bytes.Length - size).TrimStart('\r', '\n');
        }

        return body.ToString();
    }
}
