namespace Kunskapsbank.Indexer.Tests;

/// <summary>Finds reference files copied from tests/data into the test output folder.</summary>
internal static class TestData
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    public static string[] Lines(params string[] parts) => File.ReadAllLines(PathOf(parts));
}
