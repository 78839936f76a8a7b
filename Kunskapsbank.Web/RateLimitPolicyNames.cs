namespace Kunskapsbank.Web;

/// <summary>The rate-limiting policies the UI's endpoints ask for; the host defines what each allows.</summary>
/// <remarks>
/// The UI knows which of its requests are searches and which are typeahead (one per keystroke, cheap); the host
/// (Kunskapsbank.Api/Security) decides the limits, so the API and the UI share one budget per kind.
/// </remarks>
public static class RateLimitPolicyNames
{
    /// <summary>A search: the result pages, their fragments, the document page's matches and `/api/search`.</summary>
    public const string Search = "sok";

    /// <summary>Typeahead completions: `/forslag` and `/api/suggest`.</summary>
    public const string Typeahead = "forslag";
}
