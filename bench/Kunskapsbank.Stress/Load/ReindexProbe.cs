using System.Diagnostics;
using System.Text.Json;
using Kunskapsbank.Stress.Hosting;

namespace Kunskapsbank.Stress.Load;

/// <summary>Starts a full re-index through the admin endpoint and follows it on /health/ready.</summary>
public sealed class ReindexProbe(HttpClient client, string adminKey)
{
    /// <summary>What the service answered and how the re-index went.</summary>
    /// <param name="IndexedDuringPhase">Documents the service (re)indexed while the phase ran (sync totals).</param>
    /// <param name="FinishedAfter">When the writer was idle again with everything indexed; null if still busy at the end.</param>
    public sealed record Observation(int TriggerStatus, int IndexedDuringPhase, TimeSpan? FinishedAfter);

    /// <summary>POST /api/admin/reindex with the API key, then samples /health/ready every 250 ms until <paramref name="stop"/>.</summary>
    /// <param name="expectedDocuments">How many documents the re-index has to write before it counts as finished.</param>
    public async Task<Observation> TriggerAndFollowAsync(int expectedDocuments, CancellationToken stop)
    {
        var before = await ReadyState.ReadAsync(client, CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/admin/reindex", UriKind.Relative));
        request.Headers.Add("X-Api-Key", adminKey);
        using var response = await client.SendAsync(request, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        TimeSpan? finished = null;
        var indexed = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(250, stop);
                var state = await ReadyState.ReadAsync(client, stop);
                indexed = state.TotalIndexed - before.TotalIndexed;
                if (finished is null && indexed >= expectedDocuments && state.Idle)
                {
                    finished = clock.Elapsed;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (HttpRequestException)
            {
                // Counted by the load generator; the probe just tries again.
            }
            catch (JsonException)
            {
            }
        }

        return new Observation((int)response.StatusCode, indexed, finished);
    }
}
