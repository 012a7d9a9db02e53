-- The domain of wecena: who gives (sponsors and their consultants), who receives
-- (beneficiaries and their repositories), the work (tasks, claims, pairings, time logs)
-- and the proof (agreements and the contributions ledger).
--
-- Conventions: instants are timestamptz (stored in UTC), calendar days are date, money is
-- integer cents (bigint), durations are integer minutes. Forge ids are text: they are
-- opaque to wecena and some exceed 2^53. A forge is 'github' or 'gitlab'; `host` says which
-- instance (github.com, a GitHub Enterprise host, gitlab.com or a self-managed GitLab).

-- ---------------------------------------------------------------------------------------
-- Beneficiaries: who receives the donated work
-- ---------------------------------------------------------------------------------------
CREATE TABLE beneficiaries (
  id            bigserial   PRIMARY KEY,
  kind          text        NOT NULL CHECK (kind IN ('nonprofit', 'free_software')),
  -- The name people know ("Cartolibre"); unique so that operators can refer to it.
  name          text        NOT NULL UNIQUE CHECK (name <> ''),
  -- Why a gift to it qualifies (article 238 bis CGI): a public-interest organisation, or a
  -- project published under an OSI-approved licence (then `licence` holds its SPDX id).
  eligibility   text        NOT NULL CHECK (eligibility IN ('public_interest_organisation', 'osi_approved_licence')),
  licence       text,
  -- Legal identity, printed on the sponsor's receipt.
  legal_name    text        NOT NULL CHECK (legal_name <> ''),
  siren         text        CHECK (siren ~ '^[0-9]{9}$'),
  -- Répertoire national des associations: W followed by nine digits.
  rna           text        CHECK (rna ~ '^W[0-9]{9}$'),
  address       text,
  website       text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (eligibility <> 'osi_approved_licence' OR licence IS NOT NULL)
);

-- ---------------------------------------------------------------------------------------
-- Repositories, on any forge, most of them owned by a beneficiary
-- ---------------------------------------------------------------------------------------
CREATE TABLE repositories (
  id                bigserial   PRIMARY KEY,
  forge             text        NOT NULL CHECK (forge IN ('github', 'gitlab')),
  host              text        NOT NULL CHECK (host <> '' AND host = lower(host)),
  -- The forge's own id, stable across renames and transfers.
  forge_id          text        NOT NULL,
  -- owner/name on GitHub, the full namespace path on GitLab; follows renames.
  path              text        NOT NULL CHECK (path <> ''),
  -- Null until an operator says whose repository it is: until then its work counts for no one.
  beneficiary_id    bigint      REFERENCES beneficiaries (id),
  enabled           boolean     NOT NULL DEFAULT true,
  -- The GitHub App installation that reaches it (null on GitLab).
  installation_id   text,
  -- The last good .github/wecena.yml or .gitlab/wecena.yml, parsed, with the blob it came from.
  config            jsonb,
  config_sha        text,
  config_fetched_at timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (forge, host, forge_id)
);
CREATE INDEX repositories_by_path ON repositories (forge, host, lower(path));
CREATE INDEX repositories_by_beneficiary ON repositories (beneficiary_id);

-- ---------------------------------------------------------------------------------------
-- Sponsors (the companies that lend their consultants) and their reviewers
-- ---------------------------------------------------------------------------------------
CREATE TABLE sponsors (
  id                      bigserial   PRIMARY KEY,
  name                    text        NOT NULL CHECK (name <> ''),
  -- Legal identity, printed on the receipt (Cerfa 16216).
  legal_name              text        NOT NULL CHECK (legal_name <> ''),
  legal_form              text,
  siren                   text        NOT NULL UNIQUE CHECK (siren ~ '^[0-9]{9}$'),
  address                 text        NOT NULL CHECK (address <> ''),
  -- Valuation: skills-based sponsorship is valued at cost price (remuneration plus
  -- employer social charges of the hours given); the rules themselves live in the core.
  valuation_method        text        NOT NULL DEFAULT 'cost_price' CHECK (valuation_method IN ('cost_price')),
  -- Hourly cost used for a consultant without a rate of their own.
  default_cost_rate_cents bigint      CHECK (default_cost_rate_cents >= 0),
  currency                text        NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
  created_at              timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sponsor_reviewers (
  id            bigserial   PRIMARY KEY,
  sponsor_id    bigint      NOT NULL REFERENCES sponsors (id),
  display_name  text        NOT NULL CHECK (display_name <> ''),
  email         text        NOT NULL CHECK (email LIKE '%_@_%'),
  -- May approve, adjust and reject contributions; an admin also manages consultants.
  role          text        NOT NULL DEFAULT 'reviewer' CHECK (role IN ('reviewer', 'admin')),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sponsor_reviewers_email ON sponsor_reviewers (sponsor_id, lower(email));

-- ---------------------------------------------------------------------------------------
-- Consultants: employees of a sponsor, with their forge identities, skills and free days
-- ---------------------------------------------------------------------------------------
CREATE TABLE consultants (
  id                bigserial   PRIMARY KEY,
  sponsor_id        bigint      NOT NULL REFERENCES sponsors (id),
  display_name      text        NOT NULL CHECK (display_name <> ''),
  email             text        CHECK (email LIKE '%_@_%'),
  -- How many tasks the consultant may hold at once.
  open_claims_limit integer     NOT NULL DEFAULT 1 CHECK (open_claims_limit BETWEEN 1 AND 20),
  -- Hourly cost to the employer (remuneration and social charges), in cents; visible to
  -- the sponsor only. Null: the sponsor's default rate applies.
  cost_rate_cents   bigint      CHECK (cost_rate_cents >= 0),
  active            boolean     NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consultants_by_sponsor ON consultants (sponsor_id);

CREATE TABLE consultant_identities (
  id              bigserial   PRIMARY KEY,
  consultant_id   bigint      NOT NULL REFERENCES consultants (id) ON DELETE CASCADE,
  forge           text        NOT NULL CHECK (forge IN ('github', 'gitlab')),
  host            text        NOT NULL CHECK (host <> '' AND host = lower(host)),
  -- GitHub login or GitLab username as typed in comments.
  login           text        NOT NULL CHECK (login <> ''),
  -- The forge's numeric user id, once seen: logins can be renamed, ids cannot.
  forge_user_id   text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
-- Logins are case-insensitive on both forges: one person per login per forge instance.
CREATE UNIQUE INDEX consultant_identities_login ON consultant_identities (forge, host, lower(login));
CREATE UNIQUE INDEX consultant_identities_user ON consultant_identities (forge, host, forge_user_id)
  WHERE forge_user_id IS NOT NULL;
CREATE INDEX consultant_identities_by_consultant ON consultant_identities (consultant_id);

CREATE TABLE consultant_skills (
  consultant_id   bigint      NOT NULL REFERENCES consultants (id) ON DELETE CASCADE,
  -- A lowercase slug shared with tasks' skills: "typescript", "accessibility", "postgresql".
  skill           text        NOT NULL CHECK (skill <> '' AND skill = lower(skill)),
  -- 1 knows the basics, 2 works alone, 3 could teach it.
  level           smallint    NOT NULL CHECK (level BETWEEN 1 AND 3),
  PRIMARY KEY (consultant_id, skill)
);
CREATE INDEX consultant_skills_by_skill ON consultant_skills (skill);

-- The days between two client missions that a consultant may give.
CREATE TABLE availability_windows (
  id              bigserial   PRIMARY KEY,
  consultant_id   bigint      NOT NULL REFERENCES consultants (id) ON DELETE CASCADE,
  -- Both days included.
  from_date       date        NOT NULL,
  to_date         date        NOT NULL,
  minutes_per_day integer     NOT NULL CHECK (minutes_per_day BETWEEN 1 AND 1440),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (to_date >= from_date)
);
CREATE INDEX availability_windows_by_consultant ON availability_windows (consultant_id, to_date);

-- ---------------------------------------------------------------------------------------
-- Agreements: the convention de mécénat between a sponsor and a beneficiary
-- ---------------------------------------------------------------------------------------
CREATE TABLE agreements (
  id              bigserial   PRIMARY KEY,
  sponsor_id      bigint      NOT NULL REFERENCES sponsors (id),
  beneficiary_id  bigint      NOT NULL REFERENCES beneficiaries (id),
  -- The parties' own reference for the convention, if any.
  reference       text,
  signed_on       date        NOT NULL,
  -- In force from valid_from to valid_to, both included; valid_to null: until further notice.
  valid_from      date        NOT NULL,
  valid_to        date,
  document_url    text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  UNIQUE (sponsor_id, beneficiary_id, valid_from)
);
CREATE INDEX agreements_by_beneficiary ON agreements (beneficiary_id);

-- ---------------------------------------------------------------------------------------
-- Tasks: one issue each, through candidate → ready → claimed → in_review → done
-- (released, expired and withdrawn are the ways back or out)
-- ---------------------------------------------------------------------------------------
CREATE TABLE tasks (
  id                  bigserial   PRIMARY KEY,
  repository_id       bigint      NOT NULL REFERENCES repositories (id),
  -- The number people see: #12 on GitHub, the iid on GitLab.
  issue_number        integer     NOT NULL CHECK (issue_number > 0),
  issue_forge_id      text        NOT NULL,
  title               text        NOT NULL,
  url                 text        NOT NULL,
  state               text        NOT NULL DEFAULT 'candidate' CHECK (state IN (
                        'candidate', 'ready', 'claimed', 'in_review', 'done', 'released', 'expired', 'withdrawn')),
  estimate_minutes    integer     CHECK (estimate_minutes > 0),
  skills              text[]      NOT NULL DEFAULT '{}',
  -- code, content, data, accessibility, training…: the list lives in the core.
  category            text        NOT NULL DEFAULT 'code' CHECK (category <> ''),
  -- The one status comment wecena keeps up to date on the issue (edited in place).
  status_comment_id   text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  state_changed_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (repository_id, issue_number)
);
CREATE INDEX tasks_by_state ON tasks (state, repository_id);
CREATE INDEX tasks_by_skills ON tasks USING gin (skills);

-- A consultant's hold on a task, from claim to its end.
CREATE TABLE claims (
  id              bigserial   PRIMARY KEY,
  task_id         bigint      NOT NULL REFERENCES tasks (id),
  consultant_id   bigint      NOT NULL REFERENCES consultants (id),
  claimed_at      timestamptz NOT NULL,
  -- Never past the end of the consultant's availability window nor the repository's claim TTL.
  expires_at      timestamptz NOT NULL,
  -- When the claimant was reminded that the claim is about to expire.
  reminded_at     timestamptz,
  ended_at        timestamptz,
  ended_how       text        CHECK (ended_how IN ('completed', 'released', 'expired', 'recalled', 'withdrawn')),
  -- What the next consultant needs to carry on.
  handoff_note    text,
  CHECK (expires_at > claimed_at),
  CHECK ((ended_at IS NULL) = (ended_how IS NULL)),
  CHECK (ended_at IS NULL OR ended_at >= claimed_at)
);
-- At most one open claim per task.
CREATE UNIQUE INDEX claims_one_open_per_task ON claims (task_id) WHERE ended_at IS NULL;
-- Open claims of a consultant (its open_claims_limit) and the expiry sweep.
CREATE INDEX claims_open_by_consultant ON claims (consultant_id) WHERE ended_at IS NULL;
CREATE INDEX claims_open_by_expiry ON claims (expires_at) WHERE ended_at IS NULL;

-- What the pairing last proposed: one row per consultant and task, replaced at each run.
CREATE TABLE pairing_proposals (
  id              bigserial        PRIMARY KEY,
  consultant_id   bigint           NOT NULL REFERENCES consultants (id) ON DELETE CASCADE,
  task_id         bigint           NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  score           double precision NOT NULL,
  -- Why: skills matched, fits the window, cause preferred… as the core explains them.
  reasons         jsonb            NOT NULL DEFAULT '[]',
  computed_at     timestamptz      NOT NULL,
  UNIQUE (consultant_id, task_id)
);
CREATE INDEX pairing_proposals_by_task ON pairing_proposals (task_id, score DESC);

-- ---------------------------------------------------------------------------------------
-- Time logs: append-only, a correction is a negative entry
-- ---------------------------------------------------------------------------------------
CREATE TABLE time_logs (
  id              bigserial   PRIMARY KEY,
  consultant_id   bigint      NOT NULL REFERENCES consultants (id),
  task_id         bigint      NOT NULL REFERENCES tasks (id),
  -- Negative to correct an earlier entry (GitLab's /subtract_time, a maintainer's correction).
  minutes         integer     NOT NULL CHECK (minutes <> 0),
  spent_on        date        NOT NULL,
  source          text        NOT NULL CHECK (source IN ('command', 'gitlab_time_tracking', 'maintainer', 'dashboard')),
  -- What the entry came from (a comment, a GitLab timelog): recording it twice is a no-op.
  source_ref      text        NOT NULL CHECK (source_ref <> ''),
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, source_ref)
);
CREATE INDEX time_logs_by_task ON time_logs (task_id, consultant_id);

-- ---------------------------------------------------------------------------------------
-- Contributions: the ledger, append-only
-- ---------------------------------------------------------------------------------------
-- A `credit` is made when work lands (a merged change request, or non-code work confirmed
-- by a maintainer). A correction is a new entry referring to that credit, never an edit:
-- an `adjustment` carries deltas of minutes and valuation and the new review status
-- (an approval is an adjustment of zero), a `reversal` cancels the credit (its deltas are
-- the credit's opposite). A credit's current value is the sum of its entries; its review
-- status is that of its latest entry. Every report can so be re-derived and audited.
CREATE TABLE contributions (
  id                  bigserial   PRIMARY KEY,
  kind                text        NOT NULL CHECK (kind IN ('credit', 'reversal', 'adjustment')),
  refers_to           bigint      REFERENCES contributions (id),
  task_id             bigint      NOT NULL REFERENCES tasks (id),
  consultant_id       bigint      NOT NULL REFERENCES consultants (id),
  sponsor_id          bigint      NOT NULL REFERENCES sponsors (id),
  beneficiary_id      bigint      NOT NULL REFERENCES beneficiaries (id),
  -- The merged pull or merge request that proves the work (null for confirmed non-code work).
  change_request_url  text,
  -- The maintainer (login) who confirmed non-code work, or who rejected the credit.
  confirmed_by        text,
  -- When the work landed (merge, confirmation): the date an agreement must be in force on.
  landed_at           timestamptz NOT NULL,
  minutes             integer     NOT NULL,
  -- The minutes are the task's estimate, not logged time.
  estimated           boolean     NOT NULL DEFAULT false,
  valuation_cents     bigint      NOT NULL,
  review_status       text        NOT NULL DEFAULT 'pending'
                        CHECK (review_status IN ('pending', 'approved', 'adjusted', 'rejected')),
  -- Why this entry was made: required on every correction.
  reason              text,
  -- Who or what wrote the entry: "wecena", "maintainer:<login>", "reviewer:<id>".
  recorded_by         text        NOT NULL CHECK (recorded_by <> ''),
  recorded_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'credit') = (refers_to IS NULL)),
  CHECK (kind <> 'credit' OR (minutes > 0 AND valuation_cents >= 0)),
  CHECK (kind <> 'credit' OR change_request_url IS NOT NULL OR confirmed_by IS NOT NULL),
  CHECK (kind = 'credit' OR (reason IS NOT NULL AND reason <> '')),
  CHECK (kind <> 'reversal' OR (minutes <= 0 AND valuation_cents <= 0 AND review_status = 'rejected'))
);
-- A merged change request is credited once, whatever redeliveries and retries happen.
CREATE UNIQUE INDEX contributions_one_credit_per_change_request ON contributions (change_request_url)
  WHERE kind = 'credit' AND change_request_url IS NOT NULL;
-- Confirmed non-code work is credited once per task and consultant.
CREATE UNIQUE INDEX contributions_one_confirmed_credit ON contributions (task_id, consultant_id)
  WHERE kind = 'credit' AND change_request_url IS NULL;
-- A credit is reversed at most once.
CREATE UNIQUE INDEX contributions_one_reversal ON contributions (refers_to) WHERE kind = 'reversal';
CREATE INDEX contributions_by_refers_to ON contributions (refers_to) WHERE refers_to IS NOT NULL;
CREATE INDEX contributions_by_sponsor ON contributions (sponsor_id, landed_at);
CREATE INDEX contributions_by_beneficiary ON contributions (beneficiary_id, landed_at);
CREATE INDEX contributions_by_consultant ON contributions (consultant_id, landed_at);

-- A correction concerns the same work as the credit it refers to.
CREATE FUNCTION contributions_check_correction() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  credit contributions%ROWTYPE;
BEGIN
  IF NEW.refers_to IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT * INTO credit FROM contributions WHERE id = NEW.refers_to;
  IF credit.kind <> 'credit' THEN
    RAISE EXCEPTION 'a correction (%) must refer to a credit, and contribution % is of kind %', NEW.kind, NEW.refers_to, credit.kind
      USING ERRCODE = 'check_violation';
  END IF;
  IF (NEW.task_id, NEW.consultant_id, NEW.sponsor_id, NEW.beneficiary_id)
     IS DISTINCT FROM (credit.task_id, credit.consultant_id, credit.sponsor_id, credit.beneficiary_id) THEN
    RAISE EXCEPTION 'a correction (%) must concern the task, consultant, sponsor and beneficiary of credit %', NEW.kind, NEW.refers_to
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER contributions_check_correction
  BEFORE INSERT ON contributions
  FOR EACH ROW EXECUTE FUNCTION contributions_check_correction();

-- The ledger and the time logs are append-only in the database itself, whatever the code
-- above it does: UPDATE, DELETE and TRUNCATE are refused.
CREATE FUNCTION refuse_ledger_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'contributions' THEN
    RAISE EXCEPTION 'the contributions ledger is append-only: record a reversal or an adjustment instead'
      USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = format('%s on %s was refused', TG_OP, TG_TABLE_NAME);
  END IF;
  RAISE EXCEPTION 'the time logs are append-only: record a negative time log instead'
    USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = format('%s on %s was refused', TG_OP, TG_TABLE_NAME);
END
$$;
-- Statement triggers: they fire even when no row matches, so a refused statement fails
-- the same way whether or not it would have changed something.
CREATE TRIGGER contributions_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON contributions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER time_logs_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON time_logs
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
