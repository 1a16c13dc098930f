namespace Grievance.Samples.Portal.BrowserTests.Infrastructure;

/// <summary>Where the browser tests leave screenshots: <c>GRIEVANCE_ARTIFACTS</c> when set, else <c>artifacts/</c> beside the test assembly.</summary>
internal static class TestArtifacts
{
    public const string DirectoryVariable = "GRIEVANCE_ARTIFACTS";

    public static string Directory
    {
        get
        {
            var directory = Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
                ? Path.GetFullPath(configured)
                : Path.Combine(AppContext.BaseDirectory, "artifacts");
            System.IO.Directory.CreateDirectory(directory);
            return directory;
        }
    }

    public static string PathFor(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return Path.Combine(Directory, fileName);
    }
}
