namespace Kunskapsbank.Web.Tests;

/// <summary>A host whose corpus also holds files that fail (password, broken zip, empty) and a sidecar with a mistake,
/// for the editors' page; its watcher runs, so tests can drop files in while a page is open.</summary>
public sealed class FolderUiServer : UiServer
{
    /// <summary>The files under `web-ui/folder/gamla/` that cannot be indexed.</summary>
    public const int BrokenFiles = 3;

    protected override IReadOnlyList<string> CorpusFolders { get; } = ["corpus", "folder"];

    protected override int ExpectedFailures => BrokenFiles;

    /// <summary>A broken file kept outside the corpus, for a test to drop in (`web-ui/dropped/`).</summary>
    public static string Dropped(string name) => Path.Combine(AppContext.BaseDirectory, "web-ui", "dropped", name);
}
