namespace Kunskapsbank.Web.Gaps;

/// <summary>Told about each search a person made, so the host can count those that found little.</summary>
/// <remarks>The UI calls it for searches a person finished (a page load or a submit), not for each keystroke.</remarks>
public interface IGapObserver
{
    /// <summary>A search for <paramref name="query"/> found <paramref name="hits"/> documents.</summary>
    /// <param name="plainSearch">First page, no filters: only such searches say something about missing material.</param>
    void Observe(string query, int hits, bool plainSearch);
}
