using System.Net;
using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Security;

public sealed class LowRateLimitHost : ApiHost
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Kunskapsbank:RateLimit:PermitLimit"] = "1";
        settings["Kunskapsbank:RateLimit:WindowSeconds"] = "3600";
        settings["Kunskapsbank:RateLimit:Burst"] = "5";
    }
}

public class RateLimitTests(LowRateLimitHost host) : IClassFixture<LowRateLimitHost>
{
    [Fact]
    public async Task Searching_past_the_limit_is_a_swedish_429_problem_while_typeahead_and_health_have_their_own_budget()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8 && limited is null; i++)
        {
            var response = await host.Client.GetAsync(new Uri("/api/search?q=v%C3%A5ld", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.Equal("urn:kunskapsbank:fel:for-manga-forfragningar", await Problem.AssertAsync(limited, HttpStatusCode.TooManyRequests));
            Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 says when to try again");
        }

        // The host's own readiness poll used none of the budget.
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));

        // Typeahead is counted apart (twice the searches' budget): a person whose searches ran out still gets completions.
        for (var i = 0; i < 10; i++)
        {
            using var suggest = await host.Client.GetAsync(new Uri("/api/suggest?q=v%C3%A5", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
        }

        using var limitedSuggest = await host.Client.GetAsync(new Uri("/api/suggest?q=v%C3%A5", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedSuggest.StatusCode);

        using var live = await host.Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

}

/// <summary>A class of its own, so its host's budget is not spent by the test above.</summary>
public class RateLimitPageTests(LowRateLimitHost host) : IClassFixture<LowRateLimitHost>
{
    [Fact]
    public async Task A_browser_past_the_limit_gets_a_swedish_page_that_says_how_long_to_wait()
    {
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8 && limited is null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/?q=barn", UriKind.Relative));
            request.Headers.Accept.ParseAdd("text/html");
            var response = await host.Client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
            var html = await limited.Content.ReadAsStringAsync();
            Assert.Contains("Många sökningar just nu", html, StringComparison.Ordinal);
            Assert.Contains($"Vänta {(int)limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds} sekunder", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/?q=barn\"", html, StringComparison.Ordinal);
        }
    }
}

public class ClientRateLimiterTests
{
    [Fact]
    public async Task A_client_whose_bucket_is_empty_is_never_idle_so_a_pause_does_not_refill_it()
    {
        var settings = new Api.Security.RateLimitOptions { PermitLimit = 1, WindowSeconds = 3600, Burst = 2 };
        using var limiter = Api.Security.RateLimiting.CreateClientLimiter(settings, Web.RateLimitPolicyNames.Search);
        Assert.NotNull(limiter.IdleDuration);

        using (var first = limiter.AttemptAcquire())
        {
            Assert.True(first.IsAcquired);
            Assert.Null(limiter.IdleDuration);
        }

        using (var second = limiter.AttemptAcquire())
        {
            Assert.True(second.IsAcquired);
        }

        await Task.Delay(50);
        Assert.Null(limiter.IdleDuration);
        using var third = limiter.AttemptAcquire();
        Assert.False(third.IsAcquired);
    }
}
