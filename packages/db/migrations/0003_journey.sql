-- wecena's own deliveries: the clock (claim reminders and expiries) and the sponsor (recalls)
-- go through the same inbox as the forges' webhooks, so they too are processed once.
ALTER TABLE inbox_deliveries DROP CONSTRAINT inbox_deliveries_source_check;
ALTER TABLE inbox_deliveries ADD CONSTRAINT inbox_deliveries_source_check
  CHECK (source IN ('github', 'gitlab', 'wecena'));

-- What the core decided for a delivery, committed with the store changes it made: if the
-- process dies before the forge effects are performed, the next attempt performs these
-- (every effect is idempotent) instead of deciding again on a state the decision changed.
CREATE TABLE delivery_decisions (
  source        text        NOT NULL,
  delivery_id   text        NOT NULL,
  -- A delivery may decide on several tasks (a change request closing several issues).
  seq           integer     NOT NULL,
  repository_id bigint      NOT NULL REFERENCES repositories (id),
  issue_number  integer,
  -- The issue or change request the event happened on: where a reply goes.
  reply_to      integer,
  effects       jsonb       NOT NULL,
  -- How many of the effects are done: a retry resumes after them, so a reply is never posted twice.
  performed     integer     NOT NULL DEFAULT 0,
  decided_at    timestamptz NOT NULL,
  performed_at  timestamptz,
  PRIMARY KEY (source, delivery_id, seq)
);

-- A repository's default open-claims limit is the configuration's (2); the consultant's own
-- limit caps it. The first schema defaulted consultants to 1.
ALTER TABLE consultants ALTER COLUMN open_claims_limit SET DEFAULT 2;
