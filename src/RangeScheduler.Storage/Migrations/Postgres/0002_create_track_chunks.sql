-- Stored positions (Tracks/ITrackStore.cs): runs of one vehicle's reports in one booking, each
-- an opaque blob the server encodes. Rows are only appended and deleted by age, never updated;
-- id keeps the append order among chunks of one vehicle with the same times.

CREATE TABLE track_chunks (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    range_id     text COLLATE "C" NOT NULL,
    booking_id   text COLLATE "C" NOT NULL,
    vehicle_id   text COLLATE "C" NOT NULL,
    first_time   timestamptz NOT NULL,
    last_time    timestamptz NOT NULL,
    report_count integer NOT NULL CHECK (report_count >= 1),
    reports      bytea NOT NULL,
    CHECK (first_time <= last_time)
);

-- GetTrack: a booking's chunks in the read order (first_time, vehicle_id, last_time, id), all
-- vehicles or one, so LIMIT stops early; last_time in the index also lets chunks ending before
-- the window be skipped without visiting the heap.
CREATE INDEX track_chunks_by_booking ON track_chunks (booking_id, first_time, vehicle_id, last_time, id);
CREATE INDEX track_chunks_by_vehicle ON track_chunks (booking_id, vehicle_id, first_time, last_time, id);
-- Retention deletes by age.
CREATE INDEX track_chunks_by_age ON track_chunks (last_time);
