namespace CowHealth.Tests.Observability;

/// <summary>Files of this repository, found from the test's output folder upwards.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CowHealth.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CowHealth.sln above {AppContext.BaseDirectory}.");
    }
}
