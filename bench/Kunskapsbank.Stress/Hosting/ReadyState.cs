using System.Text.Json;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>The parts of GET /health/ready the checks wait on: initial sync, a running sync, pending watcher paths.</summary>
/// <param name="TotalIndexed">Documents indexed by all syncs since the service started (`sync.totals.indexed`).</param>
public sealed record ReadyState(int Status, bool InitialSyncDone, bool SyncRunning, int PendingChanges, int TotalIndexed)
{
    /// <summary>Ready, the first sync done, nothing running or waiting.</summary>
    public bool Idle => Status == 200 && InitialSyncDone && !SyncRunning && PendingChanges == 0;

    /// <summary>Reads /health/ready (200 or 503 both carry the body).</summary>
    public static async Task<ReadyState> ReadAsync(HttpClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var sync = root.Get("sync");
        var running = sync?.Get("running") is { ValueKind: JsonValueKind.True };
        var totals = sync?.Get("totals");
        return new ReadyState(
            (int)response.StatusCode,
            root.Get("initialSyncDone") is { ValueKind: JsonValueKind.True },
            running,
            (int)(root.GetInt64("pendingChanges") ?? 0),
            (int)(totals?.GetInt64("indexed") ?? 0));
    }

    /// <summary>Waits until the service is idle (bounded); returns the last state seen.</summary>
    public static async Task<ReadyState> WaitForIdleAsync(HttpClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        ReadyState? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await ReadAsync(client, cancellationToken);
                if (last.Idle)
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (JsonException)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        return last ?? throw new TimeoutException("Tjänsten svarade aldrig på /health/ready.");
    }
}
