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

    /// <summary>The factor for a status code of the index (0 current, 1 superseded, 2 repealed).</summary>
    public static float ForCode(long code) => code switch
    {
        1 => 0.5f,
        2 => 0.35f,
        _ => 1.0f,
    };
}
