-- Reimbursement requests (ADR 0025).

-- Command side: what a project's claims need from its programme (claim currency, ceiling, funding sources), kept in
-- the programme register with the rest of its terms, and entered here for programmes registered before.
ALTER TABLE programme_register
    ADD COLUMN claim_currency  TEXT,
    ADD COLUMN ceiling         NUMERIC,
    ADD COLUMN funding_sources JSONB;

UPDATE programme_register r
   SET claim_currency  = e.payload ->> 'claimCurrency',
       ceiling         = (e.payload ->> 'ceiling')::numeric,
       funding_sources = e.payload -> 'fundingSources'
  FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS payload
          FROM domainevententry
         WHERE payloadtype = 'io.seire.kernel.programme.ProgrammeRegistered') e
 WHERE r.programme_id = e.payload ->> 'programmeId';

-- Command side: what each request counts against its programme's ceiling, in the claim currency (submitted: its
-- claimed amount; approved or paid: its approved amount; returned: nothing). Written with the request's events in
-- the transaction that records them, and read under the programme's lock, so the ceiling check and the claim
-- commit together.
CREATE TABLE programme_claim (
    project_id   TEXT    NOT NULL,
    request_id   TEXT    NOT NULL,
    programme_id TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    counted      NUMERIC NOT NULL,
    PRIMARY KEY (project_id, request_id)
);
CREATE INDEX programme_claim_by_programme ON programme_claim (programme_id);

-- Query side: each request as submitted, with its figures (JSON, exactly as the event carries them).
CREATE TABLE reimbursement_request (
    project_id                TEXT        NOT NULL,
    request_id                TEXT        NOT NULL,
    position                  BIGINT      NOT NULL,
    programme_id              TEXT        NOT NULL,
    from_date                 DATE        NOT NULL,
    to_date                   DATE        NOT NULL,
    rate                      NUMERIC     NOT NULL,
    rate_date                 DATE        NOT NULL,
    rate_source               TEXT        NOT NULL,
    claim_currency            TEXT        NOT NULL,
    claim_minor_digits        INTEGER     NOT NULL,
    figures                   TEXT        NOT NULL,
    claimed_in_claim_currency NUMERIC     NOT NULL,
    recorded_at               TIMESTAMPTZ NOT NULL,
    actor                     TEXT,
    PRIMARY KEY (project_id, request_id)
);
CREATE INDEX reimbursement_request_by_programme ON reimbursement_request (programme_id);

-- Query side: what happened to a request after its submission, one row per event (APPROVED with the approved
-- figures and exclusions, RETURNED, PAID with the payment), so a view as of an earlier instant sees its status then.
CREATE TABLE reimbursement_step (
    position                  BIGINT      NOT NULL PRIMARY KEY,
    project_id                TEXT        NOT NULL,
    request_id                TEXT        NOT NULL,
    status                    TEXT        NOT NULL,
    comment                   TEXT,
    excluded                  TEXT,
    figures                   TEXT,
    claimed_in_claim_currency NUMERIC,
    paid_on                   DATE,
    paid_amount               NUMERIC,
    recorded_at               TIMESTAMPTZ NOT NULL,
    actor                     TEXT
);
CREATE INDEX reimbursement_step_by_request ON reimbursement_step (project_id, request_id, position);
