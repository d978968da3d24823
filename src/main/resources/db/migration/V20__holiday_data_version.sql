-- The holiday data the calendar (org.serviceflow.calendar) last loaded: one row per year with the SHA-256 of
-- its days (holidays and make-up workdays). A start-up or reload that finds a year added, changed or removed
-- publishes HolidayDataChanged once, and running deadlines are recalculated (docs/calendar.md).
-- Runs unchanged on H2 2.x and PostgreSQL 16.
CREATE TABLE holiday_data_version (
    holiday_year INTEGER                  NOT NULL,
    fingerprint  VARCHAR(64)              NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_holiday_data_version PRIMARY KEY (holiday_year)
);
