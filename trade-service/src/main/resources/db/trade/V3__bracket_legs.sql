-- Gateway-managed bracket legs (take-profit and stop-loss exits of an entry order) for brokers
-- without native brackets. A leg waits here, inactive, until its parent fills; it is then placed
-- through the normal order path with its leg id as the client order id, so the idempotency record
-- guarantees it reaches the broker at most once even when several pods see the fill.
CREATE TABLE bracket_legs (
    leg_id                  VARCHAR(64)    NOT NULL,
    account_id              VARCHAR(64)    NOT NULL,
    tenant_id               VARCHAR(64)    NOT NULL,
    parent_client_order_id  VARCHAR(64)    NOT NULL,
    parent_order_id         VARCHAR(64),
    role                    VARCHAR(16)    NOT NULL,
    symbol                  VARCHAR(48)    NOT NULL,
    side                    VARCHAR(8)     NOT NULL,
    order_type              VARCHAR(24)    NOT NULL,
    quantity                DECIMAL(24, 8) NOT NULL,
    price                   DECIMAL(24, 8),
    trailing_amount         DECIMAL(24, 8),
    state                   VARCHAR(16)    NOT NULL,
    order_id                VARCHAR(64),
    message                 VARCHAR(1000),
    placed_by               VARCHAR(128)   NOT NULL,
    credential_kind         VARCHAR(16)    NOT NULL,
    created_at              TIMESTAMP      NOT NULL,
    updated_at              TIMESTAMP      NOT NULL,
    PRIMARY KEY (account_id, leg_id),
    CONSTRAINT bracket_legs_one_per_role UNIQUE (account_id, parent_client_order_id, role)
);
CREATE INDEX bracket_legs_open ON bracket_legs (account_id, state);
