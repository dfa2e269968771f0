-- The cur-feed stream: one row per record (its newest version), ordered by (updated_at, key).
CREATE TABLE server_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- Stamps handed out per stream. A writer locks its row (SELECT … FOR UPDATE) before stamping,
-- so stamps become visible in the order they were given: a reader never sees a later stamp
-- while an earlier one is still uncommitted (rule 1 of docs/feed-protocol.md §4).
CREATE TABLE stream_clock (
  stream text PRIMARY KEY,
  last_stamp bigint NOT NULL
);
INSERT INTO stream_clock (stream, last_stamp) VALUES ('feed', 0);

CREATE TABLE feed_items (
  -- Appeal or tombstone id, or `~ref:<kind>:<id>`; "C" collation = code-point order.
  key text COLLATE "C" PRIMARY KEY,
  item_type text NOT NULL CHECK (item_type IN ('appeal', 'tombstone', 'reference')),
  updated_at bigint NOT NULL,
  -- The protocol item exactly as served (json keeps the text as written).
  item json NOT NULL,
  -- Intake source that delivered it (file intake, open311:…, feed:…, region-pack).
  origin text NOT NULL
);
-- A page is a range read of this index: WHERE (updated_at, key) > cursor ORDER BY updated_at, key.
CREATE UNIQUE INDEX feed_items_stream ON feed_items (updated_at, key);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  label text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'workstation', 'intake')),
  -- SHA-256 of the token; the token itself is shown once and never stored.
  token_hash text NOT NULL UNIQUE,
  created_at bigint NOT NULL,
  revoked_at bigint,
  last_used_at bigint
);
