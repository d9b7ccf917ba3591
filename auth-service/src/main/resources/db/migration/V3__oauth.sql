-- OAuth 2.0 authorization server. Portable between H2 (all-in-one) and PostgreSQL (cluster).
-- Secrets never appear in the clear: client secrets, codes, refresh tokens and session ids are
-- stored as SHA-256 (hex) of high-entropy random values; private keys are AES-GCM ciphertext.

-- RS256 key ring. retire_after is null for the active key; once superseded, the key verifies until then.
CREATE TABLE signing_keys (
    kid                 VARCHAR(64)   PRIMARY KEY,
    algorithm           VARCHAR(10)   NOT NULL,
    public_key          VARCHAR(1000) NOT NULL,
    private_key         VARCHAR(4000) NOT NULL,
    private_key_key_id  VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    retire_after        TIMESTAMP WITH TIME ZONE
);

-- Lists are space-separated (URIs cannot contain spaces). secret_sha256 is null for public clients.
-- certificate_sha1 is the hex SHA-1 thumbprint of certificate_pem (the JWT-bearer grant's x5t).
CREATE TABLE oauth_clients (
    client_id             VARCHAR(64)   PRIMARY KEY,
    tenant_id             VARCHAR(36)   NOT NULL REFERENCES tenants (id),
    name                  VARCHAR(200)  NOT NULL,
    secret_sha256         VARCHAR(64),
    redirect_uris         VARCHAR(4000) NOT NULL,
    logout_redirect_uris  VARCHAR(4000) NOT NULL,
    grant_types           VARCHAR(500)  NOT NULL,
    scopes                VARCHAR(500)  NOT NULL,
    accounts              VARCHAR(4000) NOT NULL,
    certificate_pem       VARCHAR(8000),
    certificate_sha1      VARCHAR(40),
    server_user_id        VARCHAR(200),
    app_url               VARCHAR(500),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_oauth_clients_tenant ON oauth_clients (tenant_id);

-- Single use (used_at), short-lived; family_id names the grant whose tokens a replay revokes.
CREATE TABLE authorization_codes (
    code_sha256     VARCHAR(64)   PRIMARY KEY,
    client_id       VARCHAR(64)   NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
    tenant_id       VARCHAR(36)   NOT NULL,
    user_id         VARCHAR(36)   NOT NULL,
    redirect_uri    VARCHAR(2000) NOT NULL,
    scopes          VARCHAR(500)  NOT NULL,
    code_challenge  VARCHAR(128),
    family_id       VARCHAR(36)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_codes_client ON authorization_codes (client_id);

-- Rotated on every use (rotated_at); presenting a rotated token again revokes the whole family.
CREATE TABLE refresh_tokens (
    token_sha256  VARCHAR(64)   PRIMARY KEY,
    family_id     VARCHAR(36)   NOT NULL,
    client_id     VARCHAR(64)   NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
    tenant_id     VARCHAR(36)   NOT NULL,
    subject       VARCHAR(200)  NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    scopes        VARCHAR(500)  NOT NULL,
    accounts      VARCHAR(4000) NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at    TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_refresh_family ON refresh_tokens (family_id);
CREATE INDEX ix_refresh_client_subject ON refresh_tokens (client_id, subject);

-- Access tokens issued within a grant family, so revoking the family also revokes them.
CREATE TABLE grant_access_tokens (
    jti         VARCHAR(64) PRIMARY KEY,
    family_id   VARCHAR(36) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_grant_access_family ON grant_access_tokens (family_id);

-- Revoked access tokens by jti, kept until they would have expired anyway.
CREATE TABLE revoked_access_tokens (
    jti         VARCHAR(64) PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_revoked_access_at ON revoked_access_tokens (revoked_at);

-- Login sessions behind the authorization endpoint's cookie (prompt=none).
CREATE TABLE login_sessions (
    id_sha256   VARCHAR(64) PRIMARY KEY,
    user_id     VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tenant_id   VARCHAR(36) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_login_sessions_user ON login_sessions (user_id);

-- Brute-force throttling, shared by all instances. throttle_key is "u:" + SHA-256 of the
-- lower-cased login (so mistyped passwords in the login field are not kept) or "s:" + source address.
CREATE TABLE login_throttle (
    throttle_key     VARCHAR(100) PRIMARY KEY,
    failures         INTEGER      NOT NULL,
    window_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    locked_until     TIMESTAMP WITH TIME ZONE
);
