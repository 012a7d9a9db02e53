-- What pairing ranks by besides skills: the languages a consultant works in and the causes
-- they prefer, and a task's cause and language. A nonprofit serves one cause (education,
-- health, environment…): its tasks serve it unless the task says otherwise. And what pairing
-- stores of each proposal, for the API to show it ranked and explained.

-- Language tags as in BCP 47, primary tag with an optional region: fr, en, pt-BR.
ALTER TABLE consultants ADD COLUMN languages text[] NOT NULL DEFAULT '{}';
-- Lowercase slugs, shared with beneficiaries' and tasks' causes: education, health, open-data.
ALTER TABLE consultants ADD COLUMN causes text[] NOT NULL DEFAULT '{}';

ALTER TABLE beneficiaries ADD COLUMN cause text CHECK (cause <> '' AND cause = lower(cause));

-- Null: the beneficiary's cause, and no language in particular.
ALTER TABLE tasks ADD COLUMN cause text CHECK (cause <> '' AND cause = lower(cause));
ALTER TABLE tasks ADD COLUMN language text CHECK (language ~ '^[a-z]{2,3}(-[A-Z]{2})?$');

-- Pairing stores each consultant's whole shortlist: the tasks the optimal assignment gives
-- them (`assigned`) first, then the others, best score first; `rank` is that order, from 1.
-- `terms` is the score's make-up as data, `reasons` the same in words.
ALTER TABLE pairing_proposals ADD COLUMN assigned boolean NOT NULL DEFAULT false;
ALTER TABLE pairing_proposals ADD COLUMN rank integer NOT NULL DEFAULT 1 CHECK (rank >= 1);
ALTER TABLE pairing_proposals ADD COLUMN terms jsonb NOT NULL DEFAULT '[]';
CREATE INDEX pairing_proposals_by_consultant ON pairing_proposals (consultant_id, rank);
