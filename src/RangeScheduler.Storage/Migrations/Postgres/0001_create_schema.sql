-- RangeScheduler on PostgreSQL + PostGIS (docs/storage.md). Each aggregate is kept as its
-- JSON document (json, not jsonb: the text is kept as written, so every number and time
-- reads back exactly) plus the columns that queries filter, sort and index on, derived
-- from it when it is written. Derived times are timestamptz (microseconds). Ids compare
-- byte by byte (COLLATE "C"), so lists are ordered as in SQLite, whatever the database's locale.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE ranges (
    id       text COLLATE "C" PRIMARY KEY,
    version  bigint NOT NULL CHECK (version >= 1),
    document json NOT NULL
);

-- The number of ledger writes to each range so far; bumped in the transaction that holds the
-- range's advisory lock, so that another instance knows what it has to catch up with.
-- Ranges may come from seeds rather than the ranges table, so this stands alone.
CREATE TABLE range_sequences (
    range_id text COLLATE "C" PRIMARY KEY,
    sequence bigint NOT NULL CHECK (sequence >= 0)
);

CREATE TABLE bookings (
    id              text COLLATE "C" PRIMARY KEY,
    range_id        text COLLATE "C" NOT NULL,
    organization_id text COLLATE "C" NOT NULL,
    state           smallint NOT NULL,
    first_start     timestamptz NOT NULL,
    last_end        timestamptz NOT NULL,
    version         bigint NOT NULL CHECK (version >= 1),
    -- the range sequence of the write that last changed the booking
    change_seq      bigint NOT NULL,
    document        json NOT NULL,
    CHECK (first_start < last_end)
);

CREATE INDEX bookings_by_start ON bookings (first_start, id);
CREATE INDEX bookings_by_range ON bookings (range_id, first_start, id);
CREATE INDEX bookings_by_organization ON bookings (organization_id, first_start, id);
CREATE INDEX bookings_by_range_state ON bookings (range_id, state);
CREATE INDEX bookings_by_range_change ON bookings (range_id, change_seq);

CREATE TABLE booking_vehicles (
    booking_id text COLLATE "C" NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    vehicle_id text COLLATE "C" NOT NULL,
    PRIMARY KEY (booking_id, vehicle_id)
);

CREATE INDEX booking_vehicles_by_vehicle ON booking_vehicles (vehicle_id);

-- Each booking volume in space and time, for spatial-temporal queries in SQL. Circles and
-- corridors are polygons here (within 0.5 m of the true outline); the booking document
-- keeps every footprint as given.
CREATE TABLE booking_volumes (
    booking_id  text COLLATE "C" NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    idx         integer NOT NULL,
    footprint   geometry (Geometry, 4326) NOT NULL,
    lower_m     double precision NOT NULL,
    upper_m     double precision NOT NULL,
    time_window tstzrange NOT NULL,
    PRIMARY KEY (booking_id, idx)
);

CREATE INDEX booking_volumes_footprint ON booking_volumes USING gist (footprint);
CREATE INDEX booking_volumes_time_window ON booking_volumes USING gist (time_window);

CREATE TABLE closures (
    id          text COLLATE "C" PRIMARY KEY,
    range_id    text COLLATE "C" NOT NULL,
    time_window tstzrange NOT NULL,
    change_seq  bigint NOT NULL,
    document    json NOT NULL
);

CREATE INDEX closures_by_range ON closures (range_id, lower(time_window), id);
CREATE INDEX closures_by_range_change ON closures (range_id, change_seq);

-- A closure removed at change_seq; deleted again if a closure with the same id is added
-- later, so that a closure id is in closures or here, never in both.
CREATE TABLE closure_tombstones (
    closure_id text COLLATE "C" PRIMARY KEY,
    range_id   text COLLATE "C" NOT NULL,
    change_seq bigint NOT NULL
);

CREATE INDEX closure_tombstones_by_range_change ON closure_tombstones (range_id, change_seq);

CREATE TABLE idempotency_keys (
    organization_id text COLLATE "C" NOT NULL,
    key             text NOT NULL,
    request_hash    text NOT NULL,
    booking_id      text COLLATE "C" NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, key)
);

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
