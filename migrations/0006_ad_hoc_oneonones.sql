-- Ad-hoc one-on-ones: a person met now and then (a peer, a skip-level) has a running
-- document without a recurring series. Such a series has no rule: its every_weeks,
-- weekday and starts_on keep the day it was started and decide no dates. Setting up a
-- recurring series later turns the same row (and its history) into a recurring one.
ALTER TABLE oo_series ADD COLUMN cadence TEXT NOT NULL DEFAULT 'recurring'
    CHECK (cadence IN ('recurring', 'ad-hoc'));
