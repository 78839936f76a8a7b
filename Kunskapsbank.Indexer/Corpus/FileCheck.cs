namespace Kunskapsbank.Indexer.Corpus;

/// <summary>What the checking stage read of one file: its metadata hash and, unless the ledger already knew it unchanged,
/// its content hash; or that it could not be read.</summary>
internal readonly record struct FileCheck(string MetadataHash, string? ContentHash, bool Unreadable);
