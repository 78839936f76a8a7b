using Microsoft.OpenApi;

namespace Kunskapsbank.Api.Hosting;

/// <summary>The OpenAPI document at /api/openapi/v1.json: the API and health routes, not the UI's pages.</summary>
public static class OpenApiSetup
{
    /// <summary>The facet parameters of /api/search (read from the query string, so ApiExplorer cannot see them).</summary>
    public static readonly string[] FacetParameters = ["malgrupp", "amne", "yrkesgrupp", "dokumenttyp", "ar", "utgivare", "status"];

    /// <summary>Registers the document.</summary>
    public static IServiceCollection AddKunskapsbankOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("health/", StringComparison.Ordinal));
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Kunskapsbank",
                    Version = "v1",
                    Description = "Sökning i kunskapsbanken om våld i nära relationer, hedersrelaterat våld och förtryck, barn- och tvångsäktenskap och könsstympning.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.RelativePath == "api/search")
                {
                    operation.Parameters ??= [];
                    foreach (var facet in FacetParameters)
                    {
                        operation.Parameters.Add(new OpenApiParameter
                        {
                            Name = facet,
                            In = ParameterLocation.Query,
                            Description = $"Filtrera på facetten {facet}; upprepa parametern för att välja flera värden.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                            Style = ParameterStyle.Form,
                            Explode = true,
                        });
                    }
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>Maps the document.</summary>
    public static IEndpointRouteBuilder MapKunskapsbankOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/api/openapi/{documentName}.json");
        return endpoints;
    }
}
