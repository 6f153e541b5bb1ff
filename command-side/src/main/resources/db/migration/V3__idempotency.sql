-- Idempotency keys of POST requests, per organisation. A row is written before the request runs, with a NULL
-- status_code while it is in progress, and completed with the answer, which a retry with the same key and the
-- same request (request_hash: SHA-256 of method, path and body) is given again. Rows are kept 48 hours.

CREATE TABLE idempotency_key (
    organisation_id VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status_code     INTEGER,
    response_body   TEXT,
    location        VARCHAR(2048),
    content_type    VARCHAR(255),
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (organisation_id, idempotency_key)
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
