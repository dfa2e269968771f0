-- Intake: pull sources (Open311, another cur-feed server) and the record of every intake run.
CREATE TABLE intake_sources (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('open311', 'cur-feed')),
  label text NOT NULL,
  config json NOT NULL,
  -- Where the next pull starts (updated_after, page, cursor …); null = from the beginning.
  checkpoint json,
  interval_s integer NOT NULL CHECK (interval_s >= 10),
  enabled boolean NOT NULL DEFAULT true,
  created_at bigint NOT NULL
);

CREATE TABLE intake_runs (
  id bigserial PRIMARY KEY,
  -- `file`, `open311`, `cur-feed`.
  kind text NOT NULL,
  -- File name or intake source id.
  source text NOT NULL,
  started_at bigint NOT NULL,
  finished_at bigint,
  status text NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed')),
  rows_read integer NOT NULL DEFAULT 0,
  created integer NOT NULL DEFAULT 0,
  changed integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  deleted integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  -- Russian messages: file-level error, rejected rows (first ones), warnings count.
  errors json NOT NULL DEFAULT '[]',
  detail text
);
CREATE INDEX intake_runs_started ON intake_runs (started_at DESC);
