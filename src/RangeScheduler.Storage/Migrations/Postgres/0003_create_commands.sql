-- Controller commands (Commands/ICommandStore.cs): each at the latest status saved, as an opaque
-- document the server encodes.

CREATE TABLE commands (
    id         text COLLATE "C" PRIMARY KEY,
    range_id   text COLLATE "C" NOT NULL,
    stage      integer NOT NULL CHECK (stage >= 0),
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    document   bytea NOT NULL
);

-- Restoring at start-up reads the commands not long expired; retention deletes the old ones.
CREATE INDEX commands_by_expiry ON commands (expires_at);
