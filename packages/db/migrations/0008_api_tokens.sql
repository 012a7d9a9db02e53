-- Personal API tokens: a person signed in to the dashboard makes one to call /api/v1 from a
-- script, with `Authorization: Bearer wecena_pat_…`.
--
-- The secret is shown once, at creation; the table keeps its SHA-256 only, so a copy of the
-- database calls the API as no one. A token carries some of its owner's roles, named by key
-- (`operator`, `sponsor_reviewer:<reviewer id>`, `consultant:<consultant id>`,
-- `beneficiary_contact:<beneficiary id>`); a request gets those of them its owner still holds
-- at that moment. Revoking keeps the row (the owner's list shows it), the token no longer works.
CREATE TABLE api_tokens (
  id             bigserial   PRIMARY KEY,
  token_hash     text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  name           text        NOT NULL CHECK (name <> '' AND length(name) <= 100),
  -- The owner: a forge identity (found again by its forge user id), or a demo person.
  forge          text        CHECK (forge IN ('github', 'gitlab')),
  host           text,
  login          text,
  forge_user_id  text,
  -- The demo person's key (the value of the demo sign-in page): such a token works only while
  -- the demo sign-in is on, that is on a loopback address, where anyone may be anyone anyway.
  demo_person    text,
  display_name   text        NOT NULL CHECK (display_name <> ''),
  roles          text[]      NOT NULL CHECK (cardinality(roles) > 0),
  created_at     timestamptz NOT NULL,
  -- Null: until revoked.
  expires_at     timestamptz,
  -- Written at most once a minute per token, not on every request.
  last_used_at   timestamptz,
  revoked_at     timestamptz,
  CHECK ((forge IS NULL) = (demo_person IS NOT NULL)),
  CHECK (forge IS NULL OR (host IS NOT NULL AND login IS NOT NULL AND forge_user_id IS NOT NULL)),
  CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX api_tokens_of_forge_owner ON api_tokens (forge, host, forge_user_id) WHERE forge IS NOT NULL;
CREATE INDEX api_tokens_of_demo_person ON api_tokens (demo_person) WHERE demo_person IS NOT NULL;
