using System.Text;
using Kunskapsbank.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Kunskapsbank.Api.Tests.Security;

/// <summary>Hostile queries, parameters, paths, methods and headers: never a 5xx, never a path or a stack trace.</summary>
public class HostileInputTests(ApiHost host, ITestOutputHelper output) : IClassFixture<ApiHost>
{
    private static readonly string[] HostileQueries =
    [
        "\"", "\"\"", "\"obalanserat citat", "citat\" i mitten \"", "(", ")", "((((våld", "våld))))", "()", "OR", "AND", "NOT",
        "våld OR", "OR våld", "våld AND NOT", "-", "--", "-våld", "- -", "*", "**", "*våld", "v*", "våld*", "^", "^våld",
        "NEAR(våld barn)", "NEAR(", "våld NEAR/2 barn", "title:våld", "text:*", "{våld}", "[våld]", "våld + barn", "våld - barn",
        "\"våld\" \"barn", "\\", "\\\"", "'", "'; DROP TABLE documents; --", "%", "%%", "_", "\u0000", "våld\u0000barn",
        "\u0001\u0002\u0003\u0007\u001b[31m", "\t\n\r", "😀", "👩‍👩‍👧 våld", "\u200d\u200b\ufeff", "\u202evåld", "a\u030a", "\ud800",
        "ǅ ß ﬁ İ ı", "ᚠᛇᚻ", "ن مهم", new string('a', 999), new string('"', 500), string.Concat(Enumerable.Repeat("(", 400)),
        string.Join(" OR ", Enumerable.Repeat("våld", 200)), string.Concat(Enumerable.Repeat("v* ", 300)),
        string.Join(' ', Enumerable.Range(0, 300).Select(i => "ord" + i)), new string('å', 5000), new string('x', 20_000),
    ];

    private static readonly string[] HostileTargets =
    [
        "/api/search?q=%ff%fe", "/api/search?q=%C0%80", "/api/search?q=%ED%A0%80", "/api/search?q=%", "/api/search?q=%2", "/api/search?q=%zz",
        "/api/search?page=-1", "/api/search?page=2147483648", "/api/search?page=1.5", "/api/search?page=", "/api/search?pageSize=",
        "/api/search?pageSize=1e9", "/api/search?pageSize=-2147483648", "/api/search?sort=", "/api/search?sort=NYAST", "/api/search?explain=2",
        "/api/search?q=a&q=b", "/api/search?page=1&page=2", "/api/search?q=v&okand=1", "/api/search?amne=", "/api/search?amne%5B%5D=x",
        "/api/search?AMNE=hedersrelaterat-vald", "/api/search?%00=1", "/api/search?=", "/api/search?&&&", "/api/search?q",
        "/api/search?amne=" + new string('x', 1000), "/api/search?" + string.Join('&', Enumerable.Range(0, 300).Select(i => $"p{i}=v")),
        "/api/search?q=v%C3%A5ld&ar=tjugo", "/api/search?q=v%C3%A5ld&ar=-1", "/api/search?q=v%C3%A5ld&status=%3Cb%3E", "/api/search?q=v%C3%A5ld&utgivare=%00",
        "/api/suggest?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/api/suggest?q=*", "/api/suggest?q=%22", "/api/suggest?limit=-1", "/api/suggest?limit=999999999999",
        "/api/suggest?q=" + new string('a', 2000), "/api/analyze?text=%00", "/api/analyze", "/api/analyze?text=%F0%9F%98%80", "/api/facets?x=1",
        "/api/documents/abc", "/api/documents/1.5", "/api/documents/99999999999999999999999", "/api/documents/-9223372036854775808",
        "/api/documents/9223372036854775807/file", "/api/documents/1/file/extra", "/api/documents//file", "/API/SEARCH?q=x", "/api/search/",
        "/api/search;jsessionid=1", "/api/admin/report", "/api/admin/gaps?dagar=-5", "/health/ready?verbose=1", "/api/openapi/v2.json",
        "/api/openapi/..%2f..%2fappsettings.json", "/appsettings.json", "/Kunskapsbank.Api.dll", "/web.config", "/.git/config",
        "/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/api/../appsettings.json",
    ];

    private static readonly (string Method, string Target, string Headers)[] HostileRequests =
    [
        ("POST", "/api/search?q=v", "Content-Length: 0\r\n"),
        ("PUT", "/api/search?q=v", "Content-Length: 0\r\n"),
        ("DELETE", "/api/documents/1", ""),
        ("OPTIONS", "/api/search", ""),
        ("HEAD", "/api/search?q=v%C3%A5ld", ""),
        ("TRACE", "/api/search", ""),
        ("PATCH", "/api/admin/reindex", "Content-Length: 0\r\n"),
        ("GET", "/api/search?q=v%C3%A5ld", "Accept: text/html\r\n"),
        ("GET", "/api/search?q=v%C3%A5ld", "Accept: application/xml\r\n"),
        ("GET", "/api/search?q=v%C3%A5ld", "Accept: ;;;;\r\n"),
        ("GET", "/api/search?q=v%C3%A5ld", "Accept: a/b/c\r\n"),
        ("GET", "/api/search?q=v%C3%A5ld", "Accept: application/json;q=0\r\n"),
        ("GET", "/api/search?pageSize=0", "Accept: text/html\r\n"),
        ("GET", "/api/finns-inte", "Accept: image/png\r\n"),
        ("GET", "/api/search?q=v", "Accept-Language: ;;;;,xx-ÅÄ\r\n"),
        ("GET", "/api/search?q=v", "Accept-Charset: utf-1000\r\n"),
        ("POST", "/api/admin/reindex", "Content-Type: ;;;\r\nContent-Length: 5\r\n\r\nhello"),
        ("GET", "/api/documents/1/file", "Range: bytes=abc\r\n"),
        ("GET", "/api/documents/1/file", "Range: bytes=-0\r\n"),
        ("GET", "/api/documents/1/file", "Range: bytes=" + string.Join(',', Enumerable.Range(0, 500).Select(i => $"{i}-{i}")) + "\r\n"),
        ("GET", "/api/documents/1/file", "If-None-Match: \"\"\"\r\nIf-Modified-Since: igår\r\n"),
        ("GET", "/api/search?q=v", "X-Api-Key: " + new string('k', 4000) + "\r\n"),
        ("GET", "/api/search?q=v", "X-Forwarded-For: 127.0.0.1, ::1, ;;\r\n"),
        ("GET", "/api/search?q=v", "Cookie: " + new string('c', 3000) + "\r\n"),
    ];

    [Fact]
    public async Task No_hostile_request_gets_a_5xx_or_a_leak()
    {
        var server = host.Client.BaseAddress!;
        var firstId = await host.FindIdAsync("könsstympning", ".txt");
        var failures = new List<string>();
        var count = 0;

        async Task CheckAsync(string method, string target, string headers = "")
        {
            count++;
            var answer = await RawHttp.SendAsync(server, target.Replace("/documents/1/", $"/documents/{firstId}/", StringComparison.Ordinal), method, headers);
            if (answer.Status is 0 or >= 500)
            {
                failures.Add($"{method} {Short(target)} → {answer.Status}");
            }

            try
            {
                Leaks.AssertNone(answer.Text);
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                failures.Add($"{method} {Short(target)} leaks: {ex.Message[..Math.Min(200, ex.Message.Length)]}");
            }
        }

        foreach (var query in HostileQueries)
        {
            await CheckAsync("GET", "/api/search?q=" + Uri.EscapeDataString(query));
            await CheckAsync("GET", "/api/suggest?q=" + Uri.EscapeDataString(query));
            await CheckAsync("GET", "/api/analyze?text=" + Uri.EscapeDataString(query));
        }

        foreach (var target in HostileTargets)
        {
            await CheckAsync("GET", target);
        }

        foreach (var (method, target, headers) in HostileRequests)
        {
            await CheckAsync(method, target, headers);
        }

        output.WriteLine($"{count} fientliga förfrågningar, {failures.Count} fel");
        Assert.True(count >= 100, $"only {count} cases");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_hostile_query_gets_results_or_a_swedish_400()
    {
        foreach (var query in new[] { "\"obalanserat", "((((", "NEAR(", "*", "-", "'; DROP TABLE x; --" })
        {
            using var response = await host.Client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                await Problem.AssertAsync(response, System.Net.HttpStatusCode.BadRequest);
            }
        }
    }

    private static string Short(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length > 80 ? text[..80] + "…" : text)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
