-- Stored positions (Tracks/ITrackStore.cs): runs of one vehicle's reports in one booking, each
-- an opaque blob the server encodes. Times are UTC ticks like the rest of the file. Rows are
-- only appended and deleted by age, never updated.

CREATE TABLE track_chunks (
    range_id     TEXT NOT NULL,
    booking_id   TEXT NOT NULL,
    vehicle_id   TEXT NOT NULL,
    first_time   INTEGER NOT NULL,
    last_time    INTEGER NOT NULL,
    report_count INTEGER NOT NULL CHECK (report_count >= 1),
    reports      BLOB NOT NULL,
    CHECK (first_time <= last_time)
);

-- GetTrack: a booking's chunks in the read order (first_time, vehicle_id, last_time, rowid),
-- all vehicles or one, so LIMIT stops early; last_time in the index also lets chunks ending
-- before the window be skipped without reading their rows.
CREATE INDEX track_chunks_by_booking ON track_chunks (booking_id, first_time, vehicle_id, last_time);
CREATE INDEX track_chunks_by_vehicle ON track_chunks (booking_id, vehicle_id, first_time, last_time);
-- Retention deletes by age.
CREATE INDEX track_chunks_by_age ON track_chunks (last_time);
