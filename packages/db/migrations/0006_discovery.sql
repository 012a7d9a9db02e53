-- Discovery: wecena scores the open issues of each repository so that maintainers see ranked,
-- explained candidates before labelling anything. Candidates live here, not in `tasks`: a task
-- is an issue a person (or the opt-in auto-tagger) put on wecena, with a lifecycle, claims and
-- ledger entries; a scanned issue is only an opinion, rewritten at every scan, and hundreds of
-- them must not reach pairing, the journey's "known issue" decisions or the reports.
CREATE TABLE discovered_issues (
  repository_id     bigint      NOT NULL REFERENCES repositories (id),
  issue_number      integer     NOT NULL CHECK (issue_number > 0),
  issue_forge_id    text        NOT NULL,
  title             text        NOT NULL,
  url               text        NOT NULL,
  labels            text[]      NOT NULL DEFAULT '{}',
  score             integer     NOT NULL,
  -- score >= the threshold of the scan.
  suitable          boolean     NOT NULL,
  -- [{ factor, points, text }], strongest first: the words the maintainer reads.
  reasons           jsonb       NOT NULL,
  -- The one addition that would make a near-miss suitable; null otherwise.
  missing           text,
  category          text        NOT NULL CHECK (category <> ''),
  skills            text[]      NOT NULL DEFAULT '{}',
  -- The readiness checklist passes, and which blocking items fail when it does not.
  ready             boolean     NOT NULL,
  failed_readiness  text[]      NOT NULL DEFAULT '{}',
  -- Why the readiness gate refused the issue (assigned, locked, closed, a change request, a
  -- linked open change request); null for a candidate. Refused issues are kept, unscored, so
  -- that an event on one still knows what the listing said (events do not name linked ones).
  refused           text        CHECK (refused IN ('closed', 'locked', 'assigned', 'change_request', 'linked_change_request')),
  has_open_change_request boolean NOT NULL DEFAULT false,
  scanned_at        timestamptz NOT NULL,
  PRIMARY KEY (repository_id, issue_number)
);
CREATE INDEX discovered_issues_ranked ON discovered_issues (repository_id, score DESC) WHERE refused IS NULL;

-- One scan per repository: where the first (paginated) scan stands, so that a restart resumes
-- at the stored cursor, after the instant the forge's rate limit allows, without rescanning.
CREATE TABLE discovery_scans (
  repository_id bigint      PRIMARY KEY REFERENCES repositories (id),
  -- The forge's cursor of the next page; null for the first page.
  cursor        text,
  -- Not before this instant: the forge's rate limit reset, or its Retry-After.
  resume_at     timestamptz,
  started_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  pages         integer     NOT NULL DEFAULT 0,
  issues_seen   integer     NOT NULL DEFAULT 0
);

-- Opt-in auto-tagging: each issue wecena tagged on its own (never twice), and each issue a
-- maintainer took off (`/wecena unready`, or removing the ready label), respected for ever.
-- Never deleted: an opt-out outlives the issue's candidacy and every later scan.
CREATE TABLE auto_tagging (
  repository_id bigint      NOT NULL REFERENCES repositories (id),
  issue_number  integer     NOT NULL CHECK (issue_number > 0),
  tagged_at     timestamptz,
  opted_out_at  timestamptz,
  opted_out_how text        CHECK (opted_out_how IN ('unready', 'label_removed')),
  CHECK ((opted_out_at IS NULL) = (opted_out_how IS NULL)),
  CHECK (tagged_at IS NOT NULL OR opted_out_at IS NOT NULL),
  PRIMARY KEY (repository_id, issue_number)
);
CREATE INDEX auto_tagging_by_day ON auto_tagging (repository_id, tagged_at);
