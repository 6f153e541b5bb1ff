-- The command side's own record of bulk tasks, written in the same transaction as the task's events: what the
-- chunk runners need to run an item (the task's operation, plan and caller, and each item's link), and which tasks
-- are unfinished, so that a restarted node picks them up again. The task's progress lives in its events.

CREATE TABLE bulk_task (
    task_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    organisation_id VARCHAR(64)  NOT NULL,
    operation       VARCHAR(32)  NOT NULL,
    plan_id         VARCHAR(64),
    actor           VARCHAR(64),
    request_id      VARCHAR(128),
    chunk_size      INTEGER      NOT NULL,
    cancelled       BOOLEAN      NOT NULL DEFAULT FALSE,
    finished        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ  NOT NULL
);

CREATE INDEX bulk_task_unfinished ON bulk_task (finished);

CREATE TABLE bulk_task_item (
    task_id  VARCHAR(64) NOT NULL,
    position INTEGER     NOT NULL,
    link_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (task_id, position)
);
