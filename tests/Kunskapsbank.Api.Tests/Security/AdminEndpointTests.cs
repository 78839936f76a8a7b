using System.Net;
using System.Text.Json;
using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Security;

public class AdminEndpointsWithoutKeyTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("GET", "/api/admin/report")]
    [InlineData("GET", "/api/admin/gaps")]
    [InlineData("GET", "/api/admin/memory")]
    [InlineData("POST", "/api/admin/reindex")]
    public async Task Admin_endpoints_do_not_exist_while_no_key_is_configured(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        request.Headers.Add("X-Api-Key", "vilken-nyckel-som-helst-1234");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal("urn:kunskapsbank:fel:hittades-inte", await Problem.AssertAsync(response, HttpStatusCode.NotFound));
    }
}

/// <summary>A corpus with one broken file, and the admin key set.</summary>
public sealed class CorpusWithBrokenFileHost : AdminApiHost
{
    protected override void SeedCorpus()
    {
        base.SeedCorpus();
        File.WriteAllBytes(Path.Combine(CorpusPath, "trasig.pdf"), []);
    }
}

public class AdminEndpointsWithKeyTests(CorpusWithBrokenFileHost host) : IClassFixture<CorpusWithBrokenFileHost>
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fel-nyckel")]
    [InlineData(ApiHost.AdminKey + "x")]
    [InlineData("test-nyckel-som-ar-lang-nog-12")]
    public async Task A_missing_or_wrong_key_is_a_401_problem(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/admin/report", UriKind.Relative));
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        }

        using var response = await host.Client.SendAsync(request);
        Assert.Equal("urn:kunskapsbank:fel:fel-api-nyckel", await Problem.AssertAsync(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task The_report_lists_documents_and_the_broken_file_with_a_swedish_reason()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/admin/report");
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(report.GetProperty("documents").GetArrayLength() >= 4);
        var failed = report.GetProperty("failed").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "trasig.pdf");
        Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("reason").GetString()));
        Leaks.AssertNone(report.ToString());
    }

    [Fact]
    public async Task Memory_reports_the_resident_set_and_the_dotnet_heap_of_the_process()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/admin/memory");
        var memory = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resident = memory.GetProperty("residentMb").GetDouble();
        var heap = memory.GetProperty("managedHeapMb").GetDouble();
        Assert.True(heap > 0 && resident > heap, memory.ToString());
        Assert.True(memory.GetProperty("peakResidentMb").GetDouble() >= resident - 1, memory.ToString());
        Assert.True(memory.GetProperty("managedCommittedMb").GetDouble() >= heap, memory.ToString());
    }

    [Fact]
    public async Task Reindex_starts_a_full_sync_in_the_background()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/admin/reindex");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await Poll.UntilTrueAsync(async () =>
        {
            var sync = (await host.GetJsonAsync("/health/ready")).GetProperty("sync");
            return sync.GetProperty("last").GetProperty("trigger").GetString() == "admin";
        });
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        request.Headers.Add("X-Api-Key", ApiHost.AdminKey);
        return host.Client.SendAsync(request);
    }
}
