using Kunskapsbank.Api.Hosting;

namespace Kunskapsbank.Api.Tests.Hosting;

/// <summary>The search caches are warmed after a change off the request path, once more for the changes that came
/// while a warm-up ran, and a failing warm-up is reported without stopping the next.</summary>
public sealed class SearchCacheWarmerTests
{
    [Fact]
    public async Task Requests_during_a_warm_up_are_served_by_one_more_warm_up()
    {
        using var running = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var warmUps = 0;
        var warmer = new SearchCacheWarmer(
            () =>
            {
                if (Interlocked.Increment(ref warmUps) == 1)
                {
                    running.Release();
                    release.Wait();
                }
            },
            ex => throw new InvalidOperationException("no failure expected", ex));

        warmer.Request();
        Assert.True(await running.WaitAsync(TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 50; i++)
        {
            warmer.Request();
        }

        release.Release();
        await warmer.WhenIdleAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        Assert.Equal(2, Volatile.Read(ref warmUps));
    }

    [Fact]
    public async Task A_failing_warm_up_is_reported_and_the_next_request_warms_again()
    {
        var failures = new List<Exception>();
        var warmUps = 0;
        var warmer = new SearchCacheWarmer(
            () =>
            {
                ObjectDisposedException.ThrowIf(Interlocked.Increment(ref warmUps) == 1, typeof(SearchCacheWarmerTests));
            },
            ex =>
            {
                lock (failures)
                {
                    failures.Add(ex);
                }
            });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        warmer.Request();
        await warmer.WhenIdleAsync(timeout.Token);
        warmer.Request();
        await warmer.WhenIdleAsync(timeout.Token);

        Assert.Equal(2, Volatile.Read(ref warmUps));
        Assert.IsType<ObjectDisposedException>(Assert.Single(failures));
    }
}
