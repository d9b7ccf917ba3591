-- Portable between H2 (all-in-one) and PostgreSQL (cluster): plain types only.
CREATE TABLE tenants (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_tenants_name UNIQUE (name)
);

-- Logins are unique across tenants: TradingView's password flow sends only login and password.
CREATE TABLE users (
    id             VARCHAR(36)  PRIMARY KEY,
    tenant_id      VARCHAR(36)  NOT NULL REFERENCES tenants (id),
    login          VARCHAR(100) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    scopes         VARCHAR(500) NOT NULL,
    disabled       BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_users_login UNIQUE (login)
);
CREATE INDEX ix_users_tenant ON users (tenant_id);

-- Credentials are AES-GCM ciphertext (base64); key_id names the key that encrypted them so keys can rotate.
CREATE TABLE broker_connections (
    id                  VARCHAR(36)   PRIMARY KEY,
    tenant_id           VARCHAR(36)   NOT NULL REFERENCES tenants (id),
    broker              VARCHAR(20)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    credentials         VARCHAR(8000) NOT NULL,
    credentials_key_id  VARCHAR(64)   NOT NULL,
    endpoints           VARCHAR(2000) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_connections_tenant ON broker_connections (tenant_id);

CREATE TABLE accounts (
    id                 VARCHAR(36)  PRIMARY KEY,
    tenant_id          VARCHAR(36)  NOT NULL REFERENCES tenants (id),
    connection_id      VARCHAR(36)  NOT NULL REFERENCES broker_connections (id),
    broker             VARCHAR(20)  NOT NULL,
    broker_account_no  VARCHAR(64)  NOT NULL,
    name               VARCHAR(200) NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    kind               VARCHAR(10)  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_accounts_broker_no UNIQUE (connection_id, broker_account_no)
);
CREATE INDEX ix_accounts_tenant ON accounts (tenant_id);
