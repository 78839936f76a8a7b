using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Watching;

/// <summary>No watcher at all, a reconcile every 1.2 s: what the watcher would miss is still found.</summary>
public sealed class ReconcileOnlyHost : ApiHost
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Kunskapsbank:Watcher:Enabled"] = "false";
        settings["Kunskapsbank:Watcher:ReconcileMinutes"] = "0.02";
    }
}

public class ReconcileTests(ReconcileOnlyHost host) : IClassFixture<ReconcileOnlyHost>
{
    [Fact]
    public async Task The_periodic_reconcile_finds_changes_no_watcher_reported()
    {
        await File.WriteAllTextAsync(Path.Combine(host.CorpusPath, "missad.md"), "# Missad\n\nOrdet avstamningsord.");
        File.Delete(Path.Combine(host.CorpusPath, "konsstympning-faktablad.txt"));

        await Poll.UntilTrueAsync(async () => await host.TotalAsync("avstamningsord") == 1 && !await FoundAsync("könsstympning", "konsstympning-faktablad.txt"));
        var ready = await host.GetJsonAsync("/health/ready");
        Assert.Equal(0, ready.GetProperty("sync").GetProperty("totals").GetProperty("pathsFromWatcher").GetInt32());
    }

    private async Task<bool> FoundAsync(string query, string path)
    {
        var result = await host.GetJsonAsync("/api/search?pageSize=50&q=" + Uri.EscapeDataString(query));
        return result.GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("path").GetString() == path);
    }
}
