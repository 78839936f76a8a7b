using System.Net;
using System.Text.Json;
using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Gaps;

public class GapReportTests(AdminApiHost host) : IClassFixture<AdminApiHost>
{
    [Fact]
    public async Task Frequent_searches_without_hits_are_listed_normalised_once_they_reach_the_minimum_count()
    {
        foreach (var query in new[] { "Barnen fladdermusgrotta", "barn FLADDERMUSGROTTA", "barnet fladdermusgrotta", "zebrakvantum", "zebrakvantum" })
        {
            await host.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(query));
        }

        // Not counted: a search with hits, a filtered search, a later page, and something that looks like a personal number.
        await host.GetJsonAsync("/api/search?q=v%C3%A5ld");
        await host.GetJsonAsync("/api/search?q=zebrakvantum&amne=hedersrelaterat-vald");
        await host.GetJsonAsync("/api/search?q=zebrakvantum&page=2");
        for (var i = 0; i < 3; i++)
        {
            await host.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("19850101-1234 fladdermusgrotta"));
        }

        var gaps = await Poll.UntilAsync<JsonElement>(async () =>
        {
            var report = await GapsAsync();
            return report.GetProperty("gaps").EnumerateArray().Any(g => g.GetProperty("terms").GetString()!.Contains("fladdermus", StringComparison.Ordinal))
                ? report
                : null;
        });

        var listed = gaps.GetProperty("gaps").EnumerateArray().ToList();
        var gap = Assert.Single(listed, g => g.GetProperty("terms").GetString()!.Contains("fladdermus", StringComparison.Ordinal));
        Assert.Equal(3, gap.GetProperty("searches").GetInt32());
        Assert.Equal(0, gap.GetProperty("maxHits").GetInt32());
        Assert.DoesNotContain(listed, g => g.GetProperty("terms").GetString() == "zebrakvantum");
        Assert.Equal(3, gaps.GetProperty("minimumCount").GetInt32());
        Assert.DoesNotContain("1985", gaps.ToString(), StringComparison.Ordinal);

        await host.GetJsonAsync("/api/search?q=zebrakvantum");
        await Poll.UntilTrueAsync(async () => (await GapsAsync()).GetProperty("gaps").EnumerateArray().Any(g => g.GetProperty("terms").GetString() == "zebrakvantum"));
    }

    [Fact]
    public async Task The_store_keeps_days_not_times_and_no_raw_queries()
    {
        await host.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("Hemlig Rådata Kvittrande"));
        var store = Path.Combine(Path.GetDirectoryName(host.IndexPath)!, "kunskapsluckor.sqlite");
        await Poll.UntilTrueAsync(() => Task.FromResult(File.Exists(store)));
        await Task.Delay(300);

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT day, terms FROM gap_day";
        using var reader = command.ExecuteReader();
        var rows = new List<(string Day, string Terms)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r.Day));
        Assert.DoesNotContain(rows, r => r.Terms.Contains("Hemlig Rådata", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_period_is_bounded()
    {
        foreach (var days in new[] { "0", "366", "-1", "x" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/admin/gaps?dagar=" + days, UriKind.Relative));
            request.Headers.Add("X-Api-Key", ApiHost.AdminKey);
            using var response = await host.Client.SendAsync(request);
            await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        }
    }

    private async Task<JsonElement> GapsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/admin/gaps?dagar=30", UriKind.Relative));
        request.Headers.Add("X-Api-Key", ApiHost.AdminKey);
        using var response = await host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

public sealed class GapsOffHost : AdminApiHost
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Kunskapsbank:Gaps:Enabled"] = "false";
    }
}

public class GapReportSwitchedOffTests(GapsOffHost host) : IClassFixture<GapsOffHost>
{
    [Fact]
    public async Task When_switched_off_nothing_is_stored_and_the_report_does_not_exist()
    {
        for (var i = 0; i < 3; i++)
        {
            await host.GetJsonAsync("/api/search?q=zebrakvantum");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/admin/gaps", UriKind.Relative));
        request.Headers.Add("X-Api-Key", ApiHost.AdminKey);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal("urn:kunskapsbank:fel:funktionen-avstangd", await Problem.AssertAsync(response, HttpStatusCode.NotFound));

        await Task.Delay(300);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(host.IndexPath)!, "kunskapsluckor.sqlite")));

        // Nor does the page: a browser gets the Swedish 404 page.
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("/kunskapsluckor", UriKind.Relative));
        pageRequest.Headers.Accept.ParseAdd("text/html");
        using var page = await host.Client.SendAsync(pageRequest);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Sidan finns inte", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class GapPageHiddenHost : ApiHost
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Kunskapsbank:Gaps:ShowPage"] = "false";
}

public class GapPageTests(ApiHost shown, GapPageHiddenHost hidden) : IClassFixture<ApiHost>, IClassFixture<GapPageHiddenHost>
{
    [Fact]
    public async Task The_gaps_page_is_open_to_everyone_unless_the_host_hides_it()
    {
        using var open = await shown.Client.GetAsync(new Uri("/kunskapsluckor?veckor=4", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var html = await open.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Kunskapsluckor</h1>", html, StringComparison.Ordinal);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(html, "<rect class=\"stapel\""));

        using var closed = await hidden.Client.GetAsync(new Uri("/kunskapsluckor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        using var home = await hidden.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("/kunskapsluckor", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
