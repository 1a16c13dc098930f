namespace Grievance.Intake;

/// <summary>Names of the channels Grievance knows. Channels are plain strings so packages can add their own.</summary>
public static class Channels
{
    /// <summary>X (Twitter).</summary>
    public const string X = "x";

    /// <summary>A web form on a department's portal.</summary>
    public const string Web = "web";
}
