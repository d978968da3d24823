-- What the complaint reports need of a closed complaint besides the case file (docs/reporting.md "How the figures
-- are read"): the process variables at closing, one row per closed complaint, written by CloseComplaintDelegate in
-- the closing transaction. The complaint statistics, the penalty review and the staff assessment read this table
-- instead of pivoting act_hi_varinst. Text columns are as wide as act_hi_varinst.text_. Complaints closed before this
-- migration are copied from the history by the Java migration V26_1 (db.migration). Runs unchanged on H2 2.x and
-- PostgreSQL 16.

CREATE TABLE complaint_closing (
    case_id            BIGINT PRIMARY KEY,
    customer_tier      VARCHAR(4000),
    handling_group     VARCHAR(4000),
    verification       VARCHAR(4000),
    satisfaction       VARCHAR(4000),
    responsible_person VARCHAR(4000),
    cause              VARCHAR(4000),
    staff_name         VARCHAR(4000),
    discipline_action  VARCHAR(4000),
    discipline_fine    DOUBLE PRECISION,
    CONSTRAINT fk_complaint_closing_case FOREIGN KEY (case_id) REFERENCES service_case (id)
);
