using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Tests.Spatial;

/// <summary>
/// The distance on the WGS84 ellipsoid by Vincenty's inverse formula (accurate to well under
/// a millimetre at these distances): the truth that projected distances are measured against.
/// A sphere would not do: it is off by up to 0.5 %, far more than the 1/30,000 under test.
/// </summary>
public static class Geodesic
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257223563;
    private const double B = A * (1 - F);

    public static double DistanceMeters(GeoPoint from, GeoPoint to)
    {
        var l = ToRadians(to.Longitude - from.Longitude);
        var u1 = Math.Atan((1 - F) * Math.Tan(ToRadians(from.Latitude)));
        var u2 = Math.Atan((1 - F) * Math.Tan(ToRadians(to.Latitude)));
        var (sinU1, cosU1, sinU2, cosU2) = (Math.Sin(u1), Math.Cos(u1), Math.Sin(u2), Math.Cos(u2));
        var lambda = l;
        double sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM;
        for (var iteration = 0; ; iteration++)
        {
            var (sinLambda, cosLambda) = (Math.Sin(lambda), Math.Cos(lambda));
            sinSigma = Math.Sqrt(Math.Pow(cosU2 * sinLambda, 2) + Math.Pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0)
            {
                return 0;
            }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cos2Alpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            var c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
            var previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha *
                (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.Abs(lambda - previous) < 1e-13 || iteration == 200)
            {
                break;
            }
        }
        var uSquared = cos2Alpha * (A * A - B * B) / (B * B);
        var a = 1 + uSquared / 16384 * (4096 + uSquared * (-768 + uSquared * (320 - 175 * uSquared)));
        var b = uSquared / 1024 * (256 + uSquared * (-128 + uSquared * (74 - 47 * uSquared)));
        var deltaSigma = b * sinSigma * (cos2SigmaM + b / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - b / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return B * a * (sigma - deltaSigma);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
