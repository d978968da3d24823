-- An approved extension of a deadline (延期, e.g. the 12345 handling limit): the due instant before the first
-- extension and when the last extension was approved. Both stay while the deadline runs (a pause or a holiday
-- recalculation moving it later keeps them) and are cleared when a met deadline opens again with another due instant (a new round, e.g. a re-handling).
-- Runs unchanged on H2 2.x and PostgreSQL.

ALTER TABLE case_deadline ADD COLUMN original_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_deadline ADD COLUMN extended_at TIMESTAMP WITH TIME ZONE;
