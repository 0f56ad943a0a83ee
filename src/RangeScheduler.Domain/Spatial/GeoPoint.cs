namespace RangeScheduler.Domain.Spatial;

/// <summary>A WGS84 position in degrees, latitude first as in the contract.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);
