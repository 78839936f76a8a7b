using System.Net;
using System.Text.Json;

namespace Kunskapsbank.Api.Tests.Infrastructure;

/// <summary>Assertions about ProblemDetails answers.</summary>
public static class Problem
{
    /// <summary>Asserts a problem+json body with a stable type, a Swedish title and no internals; returns the type.</summary>
    public static async Task<string> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement;
        var type = root.GetProperty("type").GetString()!;
        Assert.StartsWith("urn:kunskapsbank:fel:", type, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.True(root.TryGetProperty("traceId", out _));
        Leaks.AssertNone(body);
        return type;
    }
}

/// <summary>Things that must never show in a response body: paths of this machine, stack traces, type names.</summary>
public static class Leaks
{
    private static readonly string[] Markers = ["/tmp/", "kunskapsbank-api-tests", "   at ", "Exception", "System.", "Microsoft.", "StackTrace", ".cs:line", "SQLite Error", "sqlite_", "Lucene.Net"];

    public static void AssertNone(string body)
    {
        foreach (var marker in Markers)
        {
            Assert.False(body.Contains(marker, StringComparison.Ordinal), $"response leaks '{marker}': {Truncate(body)}");
        }
    }

    private static string Truncate(string body) => body.Length > 500 ? body[..500] + "…" : body;
}
