using System.Diagnostics;

namespace Kunskapsbank.Api.Tests.Infrastructure;

/// <summary>Waits for the watcher: polls a condition until it holds or the timeout passes.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Polls until <paramref name="probe"/> returns a value; fails the test after the timeout.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null)
        where T : struct
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(clock.Elapsed < limit, $"condition not met within {limit.TotalSeconds} s");
            await Task.Delay(25);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds and returns how long it took.</summary>
    public static async Task<TimeSpan> UntilTrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        await UntilAsync<bool>(async () => await condition() ? true : null, timeout);
        return clock.Elapsed;
    }
}
