-- API keys (bgk_<id>_<secret>): only the SHA-256 of the secret is stored; the key is shown once.
-- accounts is a space-separated list of granted account ids, or "*" for every account of the tenant.
CREATE TABLE api_keys (
    id             VARCHAR(32)   PRIMARY KEY,
    tenant_id      VARCHAR(36)   NOT NULL REFERENCES tenants (id),
    name           VARCHAR(100)  NOT NULL,
    secret_sha256  VARCHAR(64)   NOT NULL,
    scopes         VARCHAR(500)  NOT NULL,
    accounts       VARCHAR(4000) NOT NULL,
    created_by     VARCHAR(200)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    last_used_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_api_keys_tenant ON api_keys (tenant_id);

-- Broker session keeping: when the stored access token expires (null: unknown or never), and a lease
-- so that only one auth-service instance refreshes a connection's token at a time (a refresh
-- invalidates the old token, so two concurrent refreshes would lock each other out).
ALTER TABLE broker_connections ADD COLUMN access_token_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE broker_connections ADD COLUMN session_lease_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_connections_token_expiry ON broker_connections (access_token_expires_at);
