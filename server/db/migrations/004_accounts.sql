-- Accounts issued by the centre: users with a role and a scope (null = unrestricted), their
-- password as an Argon2id hash only. A user's token is a row of api_tokens tied to the user and
-- to the workstation token it was signed in through: revoking either, or disabling the user,
-- ends it at the next request.
CREATE TABLE centre_users (
  id text PRIMARY KEY,
  login text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'operator', 'analyst', 'observer')),
  sectors text[],
  municipalities text[],
  password_hash text NOT NULL,
  disabled_at bigint,
  created_at bigint NOT NULL,
  changed_at bigint NOT NULL
);

ALTER TABLE api_tokens ADD COLUMN user_id text REFERENCES centre_users (id);
ALTER TABLE api_tokens ADD COLUMN workstation_id text REFERENCES api_tokens (id);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
CREATE INDEX api_tokens_workstation ON api_tokens (workstation_id);
