namespace Kunskapsbank.Indexer.Ranking;

/// <summary>Superseded and repealed documents stay findable but rank below current guidance.</summary>
public static class StatusPenalty
{
    /// <summary>The factor a document's score is multiplied by.</summary>
    public static double For(string status) => status switch
    {
        "ersatt" => 0.5,
        "upphavd" => 0.35,
        _ => 1.0,
    };
}
