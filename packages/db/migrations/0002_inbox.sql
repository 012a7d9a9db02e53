-- The durable webhook inbox: a delivery is stored here before it is acknowledged,
-- then drained by the worker. Keyed by the forge's own delivery id so a redelivery
-- is stored once.
CREATE TABLE inbox_deliveries (
  source          text        NOT NULL CHECK (source IN ('github', 'gitlab')),
  delivery_id     text        NOT NULL,
  event_name      text        NOT NULL,
  -- The forge instance that sent it (GitLab's X-Gitlab-Instance, GitHub Enterprise host), if known.
  forge_host      text,
  received_at     timestamptz NOT NULL,
  -- The request body exactly as received: verified bytes, parsed by the worker, not on the ack path.
  body            bytea       NOT NULL,
  status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'parked')),
  attempts        integer     NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until     timestamptz,
  last_error      text,
  processed_at    timestamptz,
  PRIMARY KEY (source, delivery_id)
);
-- Payloads are already small JSON; compressing them costs the ack path more than the disk it saves.
ALTER TABLE inbox_deliveries ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE INDEX inbox_deliveries_due ON inbox_deliveries (next_attempt_at) WHERE status = 'pending';

-- What the worker made of each delivery: the forge-neutral event the core decides on.
CREATE TABLE forge_events (
  id           bigserial   PRIMARY KEY,
  source       text        NOT NULL,
  delivery_id  text        NOT NULL,
  kind         text        NOT NULL,
  event        jsonb       NOT NULL,
  recorded_at  timestamptz NOT NULL,
  UNIQUE (source, delivery_id),
  FOREIGN KEY (source, delivery_id) REFERENCES inbox_deliveries (source, delivery_id)
);
