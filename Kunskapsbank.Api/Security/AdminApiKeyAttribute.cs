using System.Security.Cryptography;
using System.Text;
using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Api.Problems;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Security;

/// <summary>Admin endpoints: 404 while no key is configured, 401 without the right `X-Api-Key` header.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AdminApiKeyAttribute : Attribute, IAuthorizationFilter
{
    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <inheritdoc />
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var configured = context.HttpContext.RequestServices.GetRequiredService<IOptions<KunskapsbankOptions>>().Value.AdminApiKey;
        if (configured is null)
        {
            context.Result = ProblemResults.NotFound(context.HttpContext);
            return;
        }

        var given = context.HttpContext.Request.Headers[HeaderName];
        if (given.Count != 1 || !KeysMatch(given[0] ?? string.Empty, configured))
        {
            context.Result = ProblemResults.Create(
                context.HttpContext,
                StatusCodes.Status401Unauthorized,
                "fel-api-nyckel",
                "Nyckel saknas eller är fel",
                $"Den här funktionen kräver administratörsnyckeln i huvudet {HeaderName}.");
        }
    }

    // Hashing first makes the comparison constant-time regardless of the lengths involved.
    private static bool KeysMatch(string given, string configured) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
