namespace Kunskapsbank.Indexer.Analysis;

/// <summary>One token the word filters made: its term, word, type, flags, position increment and offsets from the word's start.</summary>
internal readonly record struct AnalysedToken(string Term, string Word, string Type, bool IsKeyword, bool IsStopWord, int PositionIncrement, int StartDelta, int EndDelta);
