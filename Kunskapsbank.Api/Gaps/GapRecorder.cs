using System.Threading.Channels;
using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Web.Gaps;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Gaps;

/// <summary>One search that found little, waiting to be counted; the raw text lives only in this queue.</summary>
public sealed record GapObservation(string Query, int Hits, DateOnly Day);

/// <summary>Notes searches with few hits for the knowledge-gap report, off the request path.</summary>
public sealed class GapRecorder(IOptions<KunskapsbankOptions> options, TimeProvider clock) : IGapObserver
{
    // When the writer falls behind, observations are dropped: the report is a tally, not a ledger.
    private readonly Channel<GapObservation> _queue = Channel.CreateBounded<GapObservation>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>The queue the background writer drains.</summary>
    public ChannelReader<GapObservation> Reader => _queue.Reader;

    /// <summary>Records a plain search (first page, no filters) when it found at most the configured number of hits.</summary>
    public void Observe(string query, int hits, bool plainSearch)
    {
        var settings = options.Value.Gaps;
        if (!settings.Enabled || !plainSearch || hits > settings.MaxHits || string.IsNullOrWhiteSpace(query))
        {
            return;
        }

        _queue.Writer.TryWrite(new GapObservation(query, hits, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)));
    }
}
