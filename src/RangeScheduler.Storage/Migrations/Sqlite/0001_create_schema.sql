-- RangeScheduler on SQLite (docs/storage.md). Times are UTC ticks (100 ns since 0001-01-01),
-- so that ordering and keyset paging compare integers and keep every digit the domain has.
-- Each aggregate is kept as its JSON document (what is read back, exactly as given) plus
-- the columns that queries filter and sort on, derived from it when it is written.

CREATE TABLE ranges (
    id       TEXT PRIMARY KEY,
    version  INTEGER NOT NULL CHECK (version >= 1),
    document TEXT NOT NULL
);

-- One row per range that has had a booking or closure written: the number of ledger writes
-- so far. Ranges may come from seeds rather than the ranges table, so this stands alone.
CREATE TABLE range_sequences (
    range_id TEXT PRIMARY KEY,
    sequence INTEGER NOT NULL CHECK (sequence >= 0)
) WITHOUT ROWID;

CREATE TABLE bookings (
    id              TEXT PRIMARY KEY,
    range_id        TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    state           INTEGER NOT NULL,
    first_start     INTEGER NOT NULL,
    last_end        INTEGER NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    document        TEXT NOT NULL,
    CHECK (first_start < last_end)
);

-- ListBookings: ordered by (first_start, id), optionally within a range or an organisation.
CREATE INDEX bookings_by_start ON bookings (first_start, id);
CREATE INDEX bookings_by_range ON bookings (range_id, first_start, id);
CREATE INDEX bookings_by_organization ON bookings (organization_id, first_start, id);
-- LoadRangeState: a range's bookings that hold space.
CREATE INDEX bookings_by_range_state ON bookings (range_id, state);

CREATE TABLE booking_vehicles (
    booking_id TEXT NOT NULL,
    vehicle_id TEXT NOT NULL,
    PRIMARY KEY (booking_id, vehicle_id)
) WITHOUT ROWID;

CREATE INDEX booking_vehicles_by_vehicle ON booking_vehicles (vehicle_id);

CREATE TABLE closures (
    id           TEXT PRIMARY KEY,
    range_id     TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    window_end   INTEGER NOT NULL,
    document     TEXT NOT NULL,
    CHECK (window_start < window_end)
);

CREATE INDEX closures_by_range ON closures (range_id, window_start, id);

CREATE TABLE idempotency_keys (
    organization_id TEXT NOT NULL,
    key             TEXT NOT NULL,
    request_hash    TEXT NOT NULL,
    booking_id      TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (organization_id, key)
) WITHOUT ROWID;

-- Pruning the keys past their retention.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
