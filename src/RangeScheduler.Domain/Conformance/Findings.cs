namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// What one fix says about one condition. Raising and ending are separate questions because of
/// hysteresis: a fix 1 cm outside <see cref="Holds"/>, but a vehicle only counts as back once
/// it is <see cref="RangeConformance.HysteresisMeters"/> inside (<see cref="Clear"/>). A fix in
/// between changes nothing, and so does a fix for which the condition is not evaluated (neither).
/// </summary>
/// <param name="DistanceMeters">How far outside, inside or close, for the alert's distance.</param>
internal readonly record struct Finding(bool Holds, bool Clear, double DistanceMeters)
{
    /// <summary>Not evaluated for this fix: an open episode stays open, none starts.</summary>
    public static readonly Finding Unknown = new(false, false, 0);

    /// <summary>Clearly not the case.</summary>
    public static readonly Finding Absent = new(false, true, 0);
}

/// <summary>
/// Where one fix stands against the volumes of its booking in force at the fix's time, and the
/// conditions that follow (contract <c>AlertKind</c>; the rules are in docs/conformance.md).
/// </summary>
/// <param name="InForce">Some volume's window contains the fix time.</param>
/// <param name="Inside">Horizontally inside some in-force footprint.</param>
/// <param name="OutsideMeters">Outside: the distance to the nearest in-force footprint.</param>
/// <param name="DepthMeters">
/// Inside: the distance to the edge of the union of the footprints that contain the fix, capped
/// at what the caller asked for (it only compares it with thresholds).
/// </param>
/// <param name="HeightChecked">Inside and the height is known, so the bands were checked.</param>
/// <param name="InBand">The height lies in the band of a volume that contains the fix.</param>
/// <param name="BandClear">The height lies in such a band by the hysteresis margin (less for thinner bands).</param>
/// <param name="BandGapMeters">Not in a band: the vertical distance to the nearest one.</param>
internal readonly record struct VolumeFindings(
    bool InForce, bool Inside, double OutsideMeters, double DepthMeters,
    bool HeightChecked, bool InBand, bool BandClear, double BandGapMeters)
{
    public static readonly VolumeFindings NotInForce = new(false, false, 0, 0, false, false, false, 0);

    public Finding OutsideWindow => new(!InForce, InForce, 0);

    public Finding LeftVolume(double margin) =>
        !InForce ? Finding.Unknown : new(!Inside, Inside && DepthMeters >= margin, Inside ? 0 : OutsideMeters);

    /// <summary>Evaluated only inside horizontally with a known height: outside, LEFT_VOLUME says it.</summary>
    public Finding Altitude => HeightChecked ? new(!InBand, BandClear, InBand ? 0 : BandGapMeters) : Finding.Unknown;

    /// <summary>
    /// Horizontal only: a surface vessel sits at the top of its band, so vertical closeness would
    /// warn for the whole session. Outside, an open warning stays: the vehicle is still at (past) the edge.
    /// </summary>
    public Finding NearBoundary(double warningMeters, double margin)
    {
        if (warningMeters <= 0)
        {
            return Finding.Absent;
        }
        if (!InForce || !Inside || HeightChecked && !InBand)
        {
            return Finding.Unknown;
        }
        return new(DepthMeters < warningMeters, DepthMeters >= warningMeters + margin, DepthMeters);
    }
}
