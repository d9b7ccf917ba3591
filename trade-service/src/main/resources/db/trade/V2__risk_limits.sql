-- Risk limits (trade-service's risk package). Every pod keeps a copy of these tables in memory and
-- checks orders against the copy; the tables are the shared truth between pods and restarts.

-- The limits of one scope as a JSON document (the admin API's format, validated before it is
-- stored). scope_kind is tenant, account or api_key; scope_id is the account or API key id, '*'
-- for the tenant scope. A document rather than columns: limits gain kinds without migrations.
CREATE TABLE risk_limits (
    tenant_id    VARCHAR(64)     NOT NULL,
    scope_kind   VARCHAR(16)     NOT NULL,
    scope_id     VARCHAR(64)     NOT NULL,
    definition   VARCHAR(400000) NOT NULL,
    updated_by   VARCHAR(128)    NOT NULL,
    updated_at   TIMESTAMP       NOT NULL,
    PRIMARY KEY (tenant_id, scope_kind, scope_id)
);

-- Engaged kill switches; releasing one deletes its row. scope_id is the account id, '*' for
-- every account of the tenant.
CREATE TABLE risk_kill_switches (
    tenant_id    VARCHAR(64)   NOT NULL,
    scope_id     VARCHAR(64)   NOT NULL,
    reason       VARCHAR(500),
    engaged_by   VARCHAR(128)  NOT NULL,
    engaged_at   TIMESTAMP     NOT NULL,
    PRIMARY KEY (tenant_id, scope_id)
);

-- Orders admitted per scope and local day (the day in the zone of the scope's daily limit).
-- Pods add what they counted every few seconds (order_count = order_count + n), so the row is the
-- cluster-wide total; a restarted pod starts the day from it.
CREATE TABLE risk_daily_counts (
    tenant_id    VARCHAR(64)   NOT NULL,
    scope_kind   VARCHAR(16)   NOT NULL,
    scope_id     VARCHAR(64)   NOT NULL,
    trading_day  DATE          NOT NULL,
    order_count  BIGINT        NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    PRIMARY KEY (tenant_id, scope_kind, scope_id, trading_day)
);
CREATE INDEX risk_daily_counts_by_day ON risk_daily_counts (trading_day);

-- One row, bumped in the same transaction as every change to risk_limits or risk_kill_switches:
-- pods poll it to learn cheaply whether to reload, and the row lock serialises concurrent changes.
CREATE TABLE risk_revision (
    id        INT     NOT NULL PRIMARY KEY,
    revision  BIGINT  NOT NULL
);
INSERT INTO risk_revision (id, revision) VALUES (1, 0);
