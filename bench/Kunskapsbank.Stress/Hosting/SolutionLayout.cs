using System.Diagnostics;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>Where the solution's built service and CLI live, so they can run as child processes.</summary>
/// <param name="Root">The folder holding Kunskapsbank.sln.</param>
/// <param name="Configuration">Debug or Release: the same configuration this program was built in.</param>
public sealed record SolutionLayout(string Root, string Configuration)
{
    /// <summary>The service assembly (Kunskapsbank.Api.dll).</summary>
    public string ApiDll => Path.Combine(Root, "Kunskapsbank.Api", "bin", Configuration, "net10.0", "Kunskapsbank.Api.dll");

    /// <summary>The CLI assembly (kunskapsbank.dll).</summary>
    public string IndexerDll => Path.Combine(Root, "Kunskapsbank.Indexer", "bin", Configuration, "net10.0", "kunskapsbank.dll");

    /// <summary>Finds the solution above this program's own folder, in this program's build configuration.</summary>
    public static SolutionLayout Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kunskapsbank.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("Hittar inte Kunskapsbank.sln ovanför " + AppContext.BaseDirectory);
        }

#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        return new SolutionLayout(dir.FullName, configuration);
    }

    /// <summary>Builds the service and the CLI when their dlls are missing (normally the project references built them).</summary>
    public void EnsureBuilt()
    {
        foreach (var (dll, project) in new[]
        {
            (ApiDll, Path.Combine("Kunskapsbank.Api", "Kunskapsbank.Api.csproj")),
            (IndexerDll, Path.Combine("Kunskapsbank.Indexer", "Kunskapsbank.Indexer.csproj")),
        })
        {
            if (File.Exists(dll))
            {
                continue;
            }

            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Root, UseShellExecute = false };
            foreach (var arg in new[] { "build", project, "-c", Configuration, "-nologo", "-v", "q" })
            {
                start.ArgumentList.Add(arg);
            }

            using var build = Process.Start(start) ?? throw new InvalidOperationException("dotnet build startade inte.");
            if (!build.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                build.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet build tog mer än 10 minuter: " + project);
            }

            if (build.ExitCode != 0 || !File.Exists(dll))
            {
                throw new InvalidOperationException($"Bygget av {project} misslyckades (kod {build.ExitCode}).");
            }
        }
    }
}
