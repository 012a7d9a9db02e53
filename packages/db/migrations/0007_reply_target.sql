-- A reply answers where the event happened. GitLab numbers merge requests apart from issues,
-- so the number alone does not say where: a note on merge request !2 must not be answered on issue #2.
ALTER TABLE delivery_decisions ADD COLUMN reply_on_change_request boolean NOT NULL DEFAULT false;
