namespace Kunskapsbank.Web.Tests;

/// <summary>Paths inside the repository, found by walking up from the test binaries to Kunskapsbank.sln.</summary>
public static class RepositoryPaths
{
    /// <summary>Set by scripts/screenshots.sh to docs/screenshots; a normal test run never writes tracked files.</summary>
    public const string ScreenshotFolderVariable = "KUNSKAPSBANK_SCREENSHOTS";

    public static string Root { get; } = FindRoot();

    /// <summary>Where screenshots go: the folder scripts/screenshots.sh names, otherwise a temp folder outside the work tree.</summary>
    public static string Screenshots =>
        Environment.GetEnvironmentVariable(ScreenshotFolderVariable) is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(Path.GetTempPath(), "kunskapsbank-screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kunskapsbank.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Hittar inte Kunskapsbank.sln ovanför testerna.");
    }
}
