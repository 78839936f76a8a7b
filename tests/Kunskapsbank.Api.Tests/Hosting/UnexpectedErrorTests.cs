using System.Net;
using Kunskapsbank.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Kunskapsbank.Api.Tests.Hosting;

/// <summary>A host with one extra controller that fails the way a bug would.</summary>
public sealed class HostWithAFailingEndpoint : ApiHost
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddControllers().AddApplicationPart(typeof(FailingController).Assembly);
}

[ApiController]
[Route("test/fel")]
public sealed class FailingController : ControllerBase
{
    [HttpGet]
    public IActionResult Fail() => throw new InvalidOperationException($"intern detalj: /var/lib/hemlig/sokvag.sqlite ({HttpContext.TraceIdentifier})");
}

public class UnexpectedErrorTests(HostWithAFailingEndpoint host) : IClassFixture<HostWithAFailingEndpoint>
{
    [Fact]
    public async Task A_bug_becomes_a_500_problem_with_a_trace_id_and_no_internals()
    {
        using var response = await host.Client.GetAsync(new Uri("/test/fel", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("urn:kunskapsbank:fel:internt-fel", await Problem.AssertAsync(response, HttpStatusCode.InternalServerError));
        Assert.DoesNotContain("intern detalj", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hemlig", body, StringComparison.Ordinal);
    }
}
