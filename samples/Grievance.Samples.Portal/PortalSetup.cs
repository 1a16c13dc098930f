namespace Grievance.Samples.Portal;

/// <summary>The portal's wiring of the library that is more than one line.</summary>
internal static class PortalSetup
{
    /// <summary>The SQLite file: <c>Portal:Database</c> (relative to the content root), or <c>App_Data/portal.db</c>; its folder is created.</summary>
    public static string DatabasePath(PortalOptions options, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(
            string.IsNullOrWhiteSpace(options.Database) ? Path.Combine("App_Data", "portal.db") : options.Database,
            environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
