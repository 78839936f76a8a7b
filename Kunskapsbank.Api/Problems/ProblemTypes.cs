namespace Kunskapsbank.Api.Problems;

/// <summary>The stable `type` of every error the service returns: `urn:kunskapsbank:fel:{slug}`.</summary>
public static class ProblemTypes
{
    /// <summary>The common prefix.</summary>
    public const string Prefix = "urn:kunskapsbank:fel:";

    /// <summary>The type URI for a slug such as `okand-facett`.</summary>
    public static string For(string slug) => Prefix + slug;
}
