-- The centre's own records shared between workstations (escalations, information requests,
-- instructions, roadmaps …): one row per record, its newest version, in its own stream.
INSERT INTO stream_clock (stream, last_stamp) VALUES ('records', 0);

CREATE TABLE shared_records (
  id text COLLATE "C" PRIMARY KEY,
  kind text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  deleted boolean NOT NULL DEFAULT false,
  body json NOT NULL,
  updated_at bigint NOT NULL,
  updated_by text NOT NULL,
  -- The client's id of the change that produced this version: a repeated push is recognised.
  change_id text NOT NULL
);
CREATE UNIQUE INDEX shared_records_stream ON shared_records (updated_at, id);

-- Append-only audit of shared records: every accepted version and every refused conflict.
CREATE TABLE shared_record_audit (
  seq bigserial PRIMARY KEY,
  at bigint NOT NULL,
  record_id text NOT NULL,
  kind text NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'conflict')),
  version integer NOT NULL,
  actor text NOT NULL,
  change_id text NOT NULL,
  body json NOT NULL
);
CREATE INDEX shared_record_audit_record ON shared_record_audit (record_id, seq);

CREATE FUNCTION shared_record_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'shared_record_audit is append-only';
END;
$$;
CREATE TRIGGER shared_record_audit_no_update BEFORE UPDATE OR DELETE ON shared_record_audit
  FOR EACH ROW EXECUTE FUNCTION shared_record_audit_append_only();
CREATE TRIGGER shared_record_audit_no_truncate BEFORE TRUNCATE ON shared_record_audit
  FOR EACH STATEMENT EXECUTE FUNCTION shared_record_audit_append_only();
