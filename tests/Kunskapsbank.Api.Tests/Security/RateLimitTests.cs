using System.Net;
using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Security;

public sealed class LowRateLimitHost : ApiHost
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Kunskapsbank:RateLimit:PermitLimit"] = "5";
        settings["Kunskapsbank:RateLimit:WindowSeconds"] = "60";
    }
}

public class RateLimitTests(LowRateLimitHost host) : IClassFixture<LowRateLimitHost>
{
    [Fact]
    public async Task Searching_past_the_limit_is_a_swedish_429_problem_and_health_is_not_limited()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8 && limited is null; i++)
        {
            var response = await host.Client.GetAsync(new Uri(i % 2 == 0 ? "/api/search?q=v%C3%A5ld" : "/api/suggest?q=v", UriKind.Relative));
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
            Assert.True(limited.Headers.RetryAfter is not null);
        }

        // The host's own readiness poll used none of the budget, and health stays reachable.
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        using var live = await host.Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
