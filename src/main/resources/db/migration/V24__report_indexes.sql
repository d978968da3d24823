-- Indexes for the monthly reports and the dashboard (docs/reporting.md, docs/benchmarks.md "Reports"): the
-- complaints closed in a month (ClosedComplaints), the deadlines due in a month (SupervisionReport, after-sales
-- summary, staff assessment), and the running deadlines near or past due (OpenDeadlines, a partial index on the
-- rows not yet met). Runs unchanged on H2 2.x and PostgreSQL 16.

CREATE INDEX ix_service_case_type_closed ON service_case (process_type, closed_at);
CREATE INDEX ix_case_deadline_due ON case_deadline (due_at);
