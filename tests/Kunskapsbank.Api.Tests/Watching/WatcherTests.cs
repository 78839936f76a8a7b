using Kunskapsbank.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Kunskapsbank.Api.Tests.Watching;

/// <summary>Editors' moves on corpus/ show up in search by themselves; each test uses its own made-up words.</summary>
public class WatcherTests(ApiHost host, ITestOutputHelper output) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_new_file_becomes_searchable_soon_after_it_is_written()
    {
        await File.WriteAllTextAsync(Path.Combine(host.CorpusPath, "ny.md"), "# Ny rutin\n\nOrdet nyfilsord finns bara här.");

        var latency = await Poll.UntilTrueAsync(async () => await host.TotalAsync("nyfilsord") == 1);
        output.WriteLine($"ny fil sökbar efter {latency.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_changed_file_is_searched_by_its_new_text()
    {
        var path = Path.Combine(host.CorpusPath, "andras.md");
        await File.WriteAllTextAsync(path, "# Version ett\n\nOrdet forstaversionsord.");
        await Poll.UntilTrueAsync(async () => await host.TotalAsync("forstaversionsord") == 1);

        await File.WriteAllTextAsync(path, "# Version två\n\nOrdet andraversionsord.");
        var latency = await Poll.UntilTrueAsync(async () => await host.TotalAsync("andraversionsord") == 1 && await host.TotalAsync("forstaversionsord") == 0);
        output.WriteLine($"ändrad fil sökbar efter {latency.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_deleted_file_disappears_from_search()
    {
        var path = Path.Combine(host.CorpusPath, "tas-bort.md");
        await File.WriteAllTextAsync(path, "# Tas bort\n\nOrdet borttagningsord.");
        await Poll.UntilTrueAsync(async () => await host.TotalAsync("borttagningsord") == 1);

        File.Delete(path);
        var latency = await Poll.UntilTrueAsync(async () => await host.TotalAsync("borttagningsord") == 0);
        output.WriteLine($"borttagen fil borta efter {latency.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_renamed_file_is_found_under_its_new_name()
    {
        var before = Path.Combine(host.CorpusPath, "gammalt-namn.md");
        await File.WriteAllTextAsync(before, "# Namnbyte\n\nOrdet namnbytesord.");
        await Poll.UntilTrueAsync(async () => await host.TotalAsync("namnbytesord") == 1);

        File.Move(before, Path.Combine(host.CorpusPath, "nytt-namn.md"));
        var latency = await Poll.UntilTrueAsync(async () => await PathsAsync("namnbytesord") is ["nytt-namn.md"]);
        output.WriteLine($"omdöpt fil efter {latency.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_folder_moved_in_renamed_and_deleted_follows_in_search()
    {
        var staging = Path.Combine(host.Root, "utanfor-corpus", "mapp");
        Directory.CreateDirectory(staging);
        for (var i = 0; i < 3; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(staging, $"dok{i}.md"), $"# Dokument {i}\n\nOrdet mappflyttord finns i dokument {i}.");
        }

        var inCorpus = Path.Combine(host.CorpusPath, "inflyttad");
        Directory.Move(staging, inCorpus);
        var added = await Poll.UntilTrueAsync(async () => await host.TotalAsync("mappflyttord") == 3);
        output.WriteLine($"inflyttad mapp sökbar efter {added.TotalMilliseconds:F0} ms");

        Directory.Move(inCorpus, Path.Combine(host.CorpusPath, "omdopt"));
        var renamed = await Poll.UntilTrueAsync(async () => (await PathsAsync("mappflyttord")).All(p => p.StartsWith("omdopt/", StringComparison.Ordinal)) && await host.TotalAsync("mappflyttord") == 3);
        output.WriteLine($"omdöpt mapp efter {renamed.TotalMilliseconds:F0} ms");

        Directory.Delete(Path.Combine(host.CorpusPath, "omdopt"), recursive: true);
        var deleted = await Poll.UntilTrueAsync(async () => await host.TotalAsync("mappflyttord") == 0);
        output.WriteLine($"borttagen mapp borta efter {deleted.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_file_written_in_pieces_is_indexed_whole_and_temporary_files_never()
    {
        var part = Path.Combine(host.CorpusPath, "laddas-ner.md.part");
        await File.WriteAllTextAsync(part, "# Halvfärdig\n\nOrdet delfilsord.");
        var path = Path.Combine(host.CorpusPath, "skrivs-i-delar.md");
        await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read))
        {
            foreach (var piece in new[] { "# Skrivs i delar\n\n", "Första biten. ", "Sista biten med ordet slutbitsord." })
            {
                await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(piece));
                await stream.FlushAsync();
                await Task.Delay(100);
            }
        }

        await Poll.UntilTrueAsync(async () => await host.TotalAsync("slutbitsord") == 1);
        Assert.Equal(0, await host.TotalAsync("delfilsord"));

        File.Move(part, Path.Combine(host.CorpusPath, "nedladdad.md"));
        await Poll.UntilTrueAsync(async () => await host.TotalAsync("delfilsord") == 1);
    }

    [Fact]
    public async Task A_burst_of_300_files_is_indexed_exactly_once()
    {
        const int Count = 300;
        var before = await IndexedTotalAsync();
        var folder = Path.Combine(host.CorpusPath, "skur");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Count; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"fil-{i:D3}.md"), $"# Fil {i}\n\nOrdet skurord och numret nummer{i}.");
        }

        var latency = await Poll.UntilTrueAsync(async () => await host.TotalAsync("skurord") == Count, TimeSpan.FromSeconds(30));
        output.WriteLine($"{Count} filer sökbara efter {latency.TotalMilliseconds:F0} ms");
        await Task.Delay(1000);
        var ready = await host.GetJsonAsync("/health/ready");
        Assert.Equal(0, ready.GetProperty("pendingChanges").GetInt32());
        Assert.Equal(Count, await IndexedTotalAsync() - before);
    }

    private async Task<int> IndexedTotalAsync() =>
        (await host.GetJsonAsync("/health/ready")).GetProperty("sync").GetProperty("totals").GetProperty("indexed").GetInt32();

    private async Task<string[]> PathsAsync(string query)
    {
        var result = await host.GetJsonAsync("/api/search?pageSize=50&q=" + Uri.EscapeDataString(query));
        return [.. result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("path").GetString()!)];
    }
}
