namespace Kunskapsbank.Web.Tests;

/// <summary>Paths inside the repository, found by walking up from the test binaries to Kunskapsbank.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Where the README's screenshots live.</summary>
    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    /// <summary>axe-core as installed by `npm ci` in this test project (see its csproj).</summary>
    public static string AxeScript => Path.Combine(Root, "tests", "Kunskapsbank.Web.Tests", "node_modules", "axe-core", "axe.min.js");

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
