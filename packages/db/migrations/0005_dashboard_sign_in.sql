-- Signing in to the dashboard: who may see what, and the sessions of people signed in.
--
-- A person signs in with a forge identity (GitHub, or a GitLab host). A consultant is found
-- through consultant_identities; the other roles are granted to a forge identity here:
-- an operator (everything), a sponsor reviewer (one row of sponsor_reviewers: their sponsor
-- only), a beneficiary contact (one beneficiary). Nothing granted, nothing shown.
CREATE TABLE dashboard_grants (
  id                   bigserial   PRIMARY KEY,
  forge                text        NOT NULL CHECK (forge IN ('github', 'gitlab')),
  host                 text        NOT NULL CHECK (host <> '' AND host = lower(host)),
  -- GitHub login or GitLab username, as the operator typed it.
  login                text        NOT NULL CHECK (login <> ''),
  -- The forge's numeric user id, recorded at the first sign-in: a renamed login whose old
  -- name someone else takes does not carry the grant over.
  forge_user_id        text,
  role                 text        NOT NULL CHECK (role IN ('operator', 'sponsor_reviewer', 'beneficiary_contact')),
  sponsor_reviewer_id  bigint      REFERENCES sponsor_reviewers (id) ON DELETE CASCADE,
  beneficiary_id       bigint      REFERENCES beneficiaries (id) ON DELETE CASCADE,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'sponsor_reviewer') = (sponsor_reviewer_id IS NOT NULL)),
  CHECK ((role = 'beneficiary_contact') = (beneficiary_id IS NOT NULL))
);
CREATE UNIQUE INDEX dashboard_grants_one_per_role ON dashboard_grants
  (forge, host, lower(login), role, coalesce(sponsor_reviewer_id, 0), coalesce(beneficiary_id, 0));

-- A session: the cookie holds a random token, the table its SHA-256 only, so a copy of the
-- database signs no one in. Signing out deletes the row.
CREATE TABLE dashboard_sessions (
  token_hash     text        PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  -- The forge identity signed in with; null for a demo session.
  forge          text        CHECK (forge IN ('github', 'gitlab')),
  host           text,
  login          text,
  forge_user_id  text,
  display_name   text        NOT NULL CHECK (display_name <> ''),
  -- A demo session's roles, chosen on the demo sign-in page (only with --demo on a loopback address).
  demo_roles     jsonb,
  -- Checked on every form posted in this session.
  csrf_token     text        NOT NULL CHECK (length(csrf_token) >= 32),
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  CHECK ((forge IS NULL) = (demo_roles IS NOT NULL)),
  CHECK (expires_at > created_at)
);
CREATE INDEX dashboard_sessions_by_expiry ON dashboard_sessions (expires_at);
