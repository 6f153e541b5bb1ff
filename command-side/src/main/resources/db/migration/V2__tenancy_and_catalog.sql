-- Organisations, their API keys, and their catalog (SIMs, plans, coverages).
-- The catalog is reference data with set-wide rules (a SIM bound to at most one link, a plan's coverage
-- must exist, nothing in use may be deleted); a relational schema enforces those in one transaction with
-- the event append, which is why it lives here rather than in events.

CREATE TABLE organisation (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE api_key (
    id              VARCHAR(64) NOT NULL PRIMARY KEY,
    organisation_id VARCHAR(64) NOT NULL REFERENCES organisation (id),
    role            VARCHAR(16) NOT NULL,
    secret_hash     CHAR(64)    NOT NULL,
    prefix          VARCHAR(16) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT api_key_secret_hash UNIQUE (secret_hash)
);

CREATE INDEX api_key_organisation ON api_key (organisation_id, created_at);

-- Settings the service keeps for itself, such as the hash of a generated operator key.
CREATE TABLE service_setting (
    name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    value VARCHAR(512) NOT NULL
);

CREATE TABLE coverage (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    organisation_id VARCHAR(64)  NOT NULL REFERENCES organisation (id),
    name            VARCHAR(200) NOT NULL,
    countries       TEXT[]       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);

CREATE INDEX coverage_organisation ON coverage (organisation_id, created_at);

CREATE TABLE plan (
    id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    organisation_id     VARCHAR(64)  NOT NULL REFERENCES organisation (id),
    name                VARCHAR(200) NOT NULL,
    data_bytes          BIGINT       NOT NULL,
    validity_days       INTEGER      NOT NULL,
    compatibility_zones TEXT[]       NOT NULL,
    coverage_id         VARCHAR(64)  NOT NULL REFERENCES coverage (id),
    auto_renew          BOOLEAN      NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL
);

CREATE INDEX plan_organisation ON plan (organisation_id, created_at);

CREATE TABLE sim (
    id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    organisation_id     VARCHAR(64)  NOT NULL REFERENCES organisation (id),
    iccid               VARCHAR(22)  NOT NULL,
    msisdn              VARCHAR(15),
    imei                VARCHAR(15),
    type                VARCHAR(16)  NOT NULL,
    compatibility_zones TEXT[]       NOT NULL,
    countries           TEXT[]       NOT NULL,
    provider            VARCHAR(100) NOT NULL,
    link_id             VARCHAR(64),
    created_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT sim_iccid UNIQUE (organisation_id, iccid)
);

CREATE INDEX sim_organisation ON sim (organisation_id, created_at);
CREATE UNIQUE INDEX sim_link ON sim (link_id);

-- Activations that are not removed, so that a plan in use cannot be deleted.
CREATE TABLE plan_activation (
    activation_id VARCHAR(64) NOT NULL PRIMARY KEY,
    link_id       VARCHAR(64) NOT NULL,
    plan_id       VARCHAR(64) NOT NULL
);

CREATE INDEX plan_activation_plan ON plan_activation (plan_id);
CREATE INDEX plan_activation_link ON plan_activation (link_id);
