using System.Text.Json;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>Questions the checks ask the running service: is this document findable, has the sync settled, which ids exist.</summary>
public static class ServiceQueries
{
    /// <summary>Waits until the report accounts for every file (or stops changing), then returns it.</summary>
    public static async Task<AdminReport> WaitForSettledReportAsync(HttpClient client, string adminKey, int expectedFiles, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        AdminReport? last = null;
        var stableRounds = 0;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = await AdminReport.FetchAsync(client, adminKey);
            var accounted = report.DocumentPaths.Count + report.Failed.Count;
            if (accounted >= expectedFiles)
            {
                return report;
            }

            stableRounds = last is not null && last.DocumentPaths.Count + last.Failed.Count == accounted ? stableRounds + 1 : 0;
            if (stableRounds >= 10)
            {
                return report;
            }

            last = report;
            await Task.Delay(500, cancellationToken);
        }

        return last ?? await AdminReport.FetchAsync(client, adminKey);
    }

    /// <summary>True when searching for <paramref name="marker"/> returns the document at <paramref name="path"/>.</summary>
    public static async Task<bool> IsFindableAsync(HttpClient client, string marker, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri("api/search?q=" + Uri.EscapeDataString(marker), UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Hits().Any(h => AdminReport.Nfc(h.GetString("path") ?? string.Empty) == path);
    }

    /// <summary>Ids of documents that common searches return.</summary>
    public static async Task<List<long>> KnownIdsAsync(HttpClient client)
    {
        var ids = new List<long>();
        foreach (var query in new[] { "våld", "barn", "stöd" })
        {
            using var response = await client.GetAsync(new Uri("api/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                ids.AddRange(json.RootElement.Hits().Select(h => h.GetInt64("id")).OfType<long>());
            }
        }

        return ids.Distinct().ToList();
    }
}
