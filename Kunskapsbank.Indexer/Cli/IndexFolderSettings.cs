using System.ComponentModel;
using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>The `--index` option every command that opens the index shares.</summary>
internal class IndexFolderSettings : CommandSettings
{
    /// <summary>Where the index lives when --index is not given (relative to the current folder).</summary>
    public const string DefaultIndexPath = "data/index";

    [CommandOption("--index <mapp>")]
    [Description("Indexmappen.")]
    [DefaultValue(DefaultIndexPath)]
    public string IndexPath { get; init; } = DefaultIndexPath;

    /// <summary>The Swedish message for an index folder that does not exist, or null when it does.</summary>
    public string? MissingIndex() => Directory.Exists(IndexPath)
        ? null
        : $"Det finns inget index i ”{IndexPath}”. Kör först: kunskapsbank index <dokumentmapp> --index {IndexPath}";
}
