using System.Threading.RateLimiting;
using Kunskapsbank.Api.Security;
using Kunskapsbank.Web;
using Xunit.Abstractions;

namespace Kunskapsbank.Api.Tests.Security;

/// <summary>
/// The service's rate limits (the default settings, the bucket and concurrency options from the factory the host uses)
/// driven in compressed time by a simulated office: people behind one address typing, with a results request and a
/// typeahead request on every pause, as the UI's script sends them.
/// </summary>
/// <remarks>
/// The token bucket is replayed from its options on the simulated clock (TokenBucketRateLimiter refills by the real
/// clock, even when replenished by hand); the concurrency limiter is the real one, as it does not depend on time.
/// </remarks>
public class OfficeRateLimitSimulationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(10);

    [Fact]
    public void Thirty_people_typing_behind_one_address_for_ten_minutes_never_get_a_429()
    {
        var result = Simulate(new RateLimitOptions(), Office(people: 30, seed: 1));

        output.WriteLine(result.Describe("30 personer bakom en adress, 10 minuter"));
        Assert.True(result.Searches > 8_000, $"the office must be busy: only {result.Searches} searches");
        Assert.Equal(0, result.Rejected);
    }

    [Fact]
    public void The_default_limits_leave_headroom_for_an_office_twice_that_size()
    {
        var result = Simulate(new RateLimitOptions(), Office(people: 60, seed: 2));

        output.WriteLine(result.Describe("60 personer bakom en adress, 10 minuter"));
        Assert.Equal(0, result.Rejected);
    }

    [Fact]
    public void One_client_sending_without_pause_is_held_to_the_sustained_rate()
    {
        var settings = new RateLimitOptions();

        // A script sending 100 searches a second for ten minutes, each answered in 5 ms.
        var requests = Enumerable.Range(0, 100 * (int)Duration.TotalSeconds)
            .Select(i => new Request(TimeSpan.FromMilliseconds(i * 10), RateLimitPolicyNames.Search, TimeSpan.FromMilliseconds(5)))
            .ToList();
        var result = Simulate(settings, requests);

        output.WriteLine(result.Describe("ett skript, 100 sökningar i sekunden i 10 minuter"));
        var allowedAtMost = settings.Burst + (settings.PermitLimit * Duration.TotalSeconds / settings.WindowSeconds) + settings.PermitLimit / settings.WindowSeconds;
        Assert.InRange(result.Accepted, allowedAtMost * 0.9, allowedAtMost);
        Assert.True(result.Rejected > result.Accepted, "most of an abusive client's requests must be refused");
    }

    [Fact]
    public void A_client_with_many_requests_in_flight_waits_in_a_short_queue_and_is_refused_beyond_it()
    {
        var settings = new RateLimitOptions();

        // 100 searches in the same millisecond, each taking a full second: 4 run, 32 wait, the rest are refused.
        var requests = Enumerable.Range(0, 100)
            .Select(_ => new Request(TimeSpan.Zero, RateLimitPolicyNames.Search, TimeSpan.FromSeconds(1)))
            .ToList();
        var result = Simulate(settings, requests);

        Assert.Equal(settings.ConcurrentPerClient + settings.QueuePerClient, result.Accepted);
        Assert.Equal(100 - settings.ConcurrentPerClient - settings.QueuePerClient, result.Rejected);
    }

    /// <summary>What each simulated person does, as the UI's script turns it into requests.</summary>
    /// <remarks>
    /// Heavy use on purpose: a new query every 3–20 s for the whole ten minutes, typed at 80–350 ms a key. The script
    /// sends a results request and a typeahead request on every pause of 150 ms; half press Enter (one more search),
    /// half tick 1–3 filters, some page on, some open a document (its page searches once) and come back.
    /// </remarks>
    private static List<Request> Office(int people, int seed)
    {
        const double Debounce = 0.150;
        var requests = new List<Request>();
        var search = TimeSpan.FromMilliseconds(50);
        var typeahead = TimeSpan.FromMilliseconds(10);
        for (var person = 0; person < people; person++)
        {
            var random = new Random((seed * 1000) + person);
            var t = random.NextDouble() * 20;
            while (t < Duration.TotalSeconds)
            {
                var length = random.Next(6, 25);
                var keys = new double[length];
                for (var k = 0; k < length; k++)
                {
                    t += 0.08 + (random.NextDouble() * 0.27);
                    keys[k] = t;
                }

                for (var k = 0; k < length; k++)
                {
                    var next = k + 1 < length ? keys[k + 1] : double.MaxValue;
                    if (next - keys[k] > Debounce)
                    {
                        var at = TimeSpan.FromSeconds(keys[k] + Debounce);
                        requests.Add(new Request(at, RateLimitPolicyNames.Search, search));
                        if (k >= 1)
                        {
                            requests.Add(new Request(at, RateLimitPolicyNames.Typeahead, typeahead));
                        }
                    }
                }

                void Then(double seconds) => requests.Add(new Request(TimeSpan.FromSeconds(t += seconds), RateLimitPolicyNames.Search, search));
                if (random.NextDouble() < 0.5)
                {
                    Then(0.3 + (random.NextDouble() * 0.5));
                }

                if (random.NextDouble() < 0.5)
                {
                    for (var f = random.Next(1, 4); f > 0; f--)
                    {
                        Then(1 + (random.NextDouble() * 3));
                    }
                }

                if (random.NextDouble() < 0.3)
                {
                    Then(2 + (random.NextDouble() * 8));
                }

                if (random.NextDouble() < 0.4)
                {
                    Then(2 + (random.NextDouble() * 8));
                    Then(5 + (random.NextDouble() * 25));
                }

                t += 3 + (random.NextDouble() * 17);
            }
        }

        return requests;
    }

    /// <summary>Runs the requests in time order through one client's limiters (all come from the same address).</summary>
    private static Result Simulate(RateLimitOptions settings, List<Request> requests)
    {
        var clients = new Dictionary<string, Client>
        {
            [RateLimitPolicyNames.Search] = new(settings, RateLimitPolicyNames.Search),
            [RateLimitPolicyNames.Typeahead] = new(settings, RateLimitPolicyNames.Typeahead),
        };
        var result = new Result();
        var perMinute = new Dictionary<int, int>();
        foreach (var request in requests.Where(r => r.At < Duration).OrderBy(r => r.At))
        {
            foreach (var client in clients.Values)
            {
                client.AdvanceTo(request.At);
            }

            var accepted = clients[request.Policy].TryStart(request);
            result.Count(request.Policy, accepted);
            var minute = (int)request.At.TotalMinutes;
            perMinute[minute] = perMinute.GetValueOrDefault(minute) + 1;
        }

        result.BusiestMinute = perMinute.Count == 0 ? 0 : perMinute.Values.Max();
        result.LowestTokens = clients.ToDictionary(c => c.Key, c => c.Value.LowestTokens);
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        return result;
    }

    private sealed record Request(TimeSpan At, string Policy, TimeSpan Service);

    /// <summary>One client's token bucket and concurrency limiter for one policy, on a simulated clock.</summary>
    private sealed class Client(RateLimitOptions settings, string policy) : IDisposable
    {
        private readonly TokenBucketRateLimiterOptions _bucket = RateLimiting.BucketOptions(settings, policy);
        private readonly ConcurrencyLimiter _running = new(RateLimiting.ConcurrencyOptions(settings));
        private readonly PriorityQueue<RateLimitLease, TimeSpan> _finishing = new();
        private readonly List<(ValueTask<RateLimitLease> Lease, TimeSpan Service)> _waiting = [];
        private TimeSpan _replenishedUntil = TimeSpan.Zero;
        private long _tokens = RateLimiting.BucketOptions(settings, policy).TokenLimit;

        public long LowestTokens { get; private set; } = long.MaxValue;

        public void AdvanceTo(TimeSpan now)
        {
            while (_replenishedUntil + _bucket.ReplenishmentPeriod <= now)
            {
                _replenishedUntil += _bucket.ReplenishmentPeriod;
                Finish(_replenishedUntil);
                _tokens = Math.Min(_bucket.TokenLimit, _tokens + _bucket.TokensPerPeriod);
            }

            Finish(now);
        }

        public bool TryStart(Request request)
        {
            if (_tokens == 0)
            {
                LowestTokens = 0;
                return false;
            }

            LowestTokens = Math.Min(LowestTokens, --_tokens);

            var lease = _running.AcquireAsync();
            if (!lease.IsCompleted)
            {
                _waiting.Add((lease, request.Service));
                return true;
            }

            var running = lease.Result;
            if (!running.IsAcquired)
            {
                return false;
            }

            _finishing.Enqueue(running, request.At + request.Service);
            return true;
        }

        public void Dispose()
        {
            while (_finishing.TryDequeue(out var lease, out _))
            {
                lease.Dispose();
            }

            _running.Dispose();
        }

        // Ends what finished by `until`; a waiting request starts when a running one ends.
        private void Finish(TimeSpan until)
        {
            while (_finishing.TryPeek(out _, out var end) && end <= until)
            {
                _finishing.Dequeue().Dispose();
                foreach (var started in _waiting.Where(w => w.Lease.IsCompleted).ToList())
                {
                    _waiting.Remove(started);
                    _finishing.Enqueue(started.Lease.Result, end + started.Service);
                }
            }
        }
    }

    private sealed class Result
    {
        public int Searches { get; private set; }

        public int Typeahead { get; private set; }

        public int Accepted { get; private set; }

        public int Rejected { get; private set; }

        public int BusiestMinute { get; set; }

        public Dictionary<string, long> LowestTokens { get; set; } = [];

        public void Count(string policy, bool accepted)
        {
            if (policy == RateLimitPolicyNames.Search)
            {
                Searches++;
            }
            else
            {
                Typeahead++;
            }

            if (accepted)
            {
                Accepted++;
            }
            else
            {
                Rejected++;
            }
        }

        public string Describe(string what) =>
            $"{what}: {Searches} sökningar, {Typeahead} förslag, {Accepted} släppta igenom, {Rejected} × 429; " +
            $"mest på en minut: {BusiestMinute} anrop; lägsta kvar i hinken: sök {LowestTokens.GetValueOrDefault(RateLimitPolicyNames.Search)}, " +
            $"förslag {LowestTokens.GetValueOrDefault(RateLimitPolicyNames.Typeahead)}";
    }
}
