using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

/// <summary>One analyzer for all tests: it is immutable and thread-safe, and building it loads the dictionaries.</summary>
internal static class SharedAnalyzer
{
    public static readonly Analyzer Instance = SwedishAnalyzer.Create();
}
