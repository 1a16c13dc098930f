namespace Grievance.Intake;

/// <summary>A point on the earth, in WGS 84 degrees.</summary>
/// <param name="Latitude">Latitude in degrees, -90 to 90.</param>
/// <param name="Longitude">Longitude in degrees, -180 to 180.</param>
public sealed record GeoPoint(double Latitude, double Longitude);
