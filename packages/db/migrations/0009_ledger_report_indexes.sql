-- A report picks the credits of a sponsor landed in a period, then each credit's corrections
-- (through contributions_by_refers_to). Corrections repeat their credit's sponsor and landing
-- instant, so contributions_by_sponsor holds about as many corrections as credits in a period:
-- this index holds the credits alone, and the heap pages of corrections are not read to skip them.
CREATE INDEX contributions_credits_by_sponsor ON contributions (sponsor_id, landed_at) WHERE kind = 'credit';
