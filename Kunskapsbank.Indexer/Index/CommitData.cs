using System.Globalization;

namespace Kunskapsbank.Indexer.Index;

/// <summary>What every commit carries besides the documents: schema version, id counters, last completed sync.</summary>
/// <param name="NextDocumentId">The id the next new document gets (ids are never reused).</param>
/// <param name="NextChange">The sequence number of the next change entry.</param>
public sealed record CommitData(int SchemaVersion, long NextDocumentId, long NextChange, DateTimeOffset? LastSync)
{
    private const string SchemaKey = "kunskapsbank.schema";
    private const string NextIdKey = "kunskapsbank.next_doc_id";
    private const string NextChangeKey = "kunskapsbank.next_change";
    private const string LastSyncKey = "kunskapsbank.last_sync";

    /// <summary>A new, empty index of the current schema.</summary>
    public static CommitData Fresh { get; } = new(IndexSchema.Version, 1, 1, null);

    /// <summary>The schema version in <paramref name="userData"/>, or null when it is not a Kunskapsbank index.</summary>
    public static int? VersionOf(IDictionary<string, string> userData)
    {
        ArgumentNullException.ThrowIfNull(userData);
        return userData.TryGetValue(SchemaKey, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>Reads the commit user data of one of our commits.</summary>
    public static CommitData From(IDictionary<string, string> userData)
    {
        ArgumentNullException.ThrowIfNull(userData);
        return new CommitData(
            VersionOf(userData) ?? 0,
            Long(userData, NextIdKey) ?? 1,
            Long(userData, NextChangeKey) ?? 1,
            Long(userData, LastSyncKey) is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }

    /// <summary>The commit user data.</summary>
    public Dictionary<string, string> ToUserData()
    {
        var data = new Dictionary<string, string>
        {
            [SchemaKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
            [NextIdKey] = NextDocumentId.ToString(CultureInfo.InvariantCulture),
            [NextChangeKey] = NextChange.ToString(CultureInfo.InvariantCulture),
        };
        if (LastSync is { } last)
        {
            data[LastSyncKey] = last.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        }

        return data;
    }

    private static long? Long(IDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var v) ? v : null;
}
