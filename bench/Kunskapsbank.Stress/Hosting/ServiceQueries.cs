using System.Text.Json;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>Questions the checks ask the running service: is this document findable, has the sync settled, which ids exist.</summary>
public static class ServiceQueries
{
    /// <summary>Waits until the service's writer is idle (first sync done, nothing pending), then returns its report.</summary>
    public static async Task<AdminReport> WaitForSettledReportAsync(HttpClient client, string adminKey, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await ReadyState.WaitForIdleAsync(client, timeout, cancellationToken);
        return await AdminReport.FetchAsync(client, adminKey);
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
