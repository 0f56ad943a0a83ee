-- Controller commands (Commands/ICommandStore.cs): each at the latest status saved, as an opaque
-- document the server encodes. Times are UTC ticks like the rest of the file.

CREATE TABLE commands (
    id         TEXT PRIMARY KEY,
    range_id   TEXT NOT NULL,
    stage      INTEGER NOT NULL CHECK (stage >= 0),
    issued_at  INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    document   BLOB NOT NULL
);

-- Restoring at start-up reads the commands not long expired; retention deletes the old ones.
CREATE INDEX commands_by_expiry ON commands (expires_at);
