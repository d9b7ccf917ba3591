package io.brokergate.auth.oauth;

import io.agroal.api.AgroalDataSource;
import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Scopes;
import io.brokergate.auth.accounts.AccountStore;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.auth.tokens.OpaqueSecret;
import io.brokergate.auth.tokens.RefreshTokens;
import io.brokergate.core.account.Account;
import io.brokergate.core.error.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Registered OAuth clients. The admin API calls {@link #create}, {@link #list}, {@link #find(String, String)},
 * {@link #rotateSecret} and {@link #delete}, always with the caller's tenant; the OAuth endpoints
 * call {@link #find(String)}.
 *
 * <p>Secrets are 256 random bits ({@code bgs_…}) stored as SHA-256: with that much entropy a slow
 * password hash adds nothing but CPU cost on every token request (see {@link OpaqueSecret}).
 * Invalid specs are refused with {@link GatewayException} {@code invalid_request} (400).
 */
@ApplicationScoped
public class ClientStore {

    /**
     * Scopes a client registered through the admin API may be allowed: never {@link Scopes#PLATFORM}, which only the
     * operator client ({@link #createOperatorClient}) carries.
     */
    public static final Set<String> GRANTABLE_SCOPES = Set.of(Scopes.QUOTES_READ, Scopes.ACCOUNTS_READ, Scopes.TRADE, Scopes.ADMIN);
    /** What the operator client allows: running the installation and administering the operators' own tenant. */
    public static final Set<String> OPERATOR_SCOPES = Set.of(Scopes.PLATFORM, Scopes.ADMIN);
    private static final String SECRET_PREFIX = "bgs_";
    private static final String COLUMNS = "client_id, tenant_id, name, secret_sha256, redirect_uris, logout_redirect_uris, grant_types,"
            + " scopes, accounts, certificate_pem, certificate_sha1, server_user_id, app_url, created_at";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgroalDataSource db;
    private final TenantStore tenants;
    private final AccountStore accounts;
    private final RefreshTokens refreshTokens;

    public ClientStore(AgroalDataSource db, TenantStore tenants, AccountStore accounts, RefreshTokens refreshTokens) {
        this.db = db;
        this.tenants = tenants;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
    }

    /** Registers a client; the returned secret (confidential clients) is not retrievable later. */
    public CreatedClient create(String tenantId, ClientSpec spec) {
        return insert(tenantId, newClientId(), spec, GRANTABLE_SCOPES);
    }

    /**
     * The public client (authorization code with PKCE, refresh tokens) through which platform operators sign in: the
     * only client that may carry {@link Scopes#PLATFORM}. Created once, by the operator bootstrap, in the operators'
     * tenant; the admin API can list, rotate or delete it like any client but never create another.
     */
    public CreatedClient createOperatorClient(String tenantId, String clientId, List<String> redirectUris) {
        ClientSpec spec = new ClientSpec("Platform operators", false, redirectUris, List.of(),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), OPERATOR_SCOPES, AccountGrant.ALL, null, null, null);
        return insert(tenantId, clientId, spec, OPERATOR_SCOPES);
    }

    /**
     * The public client (authorization code with PKCE) through which a new tenant's administrators sign in, as
     * {@code console-<tenant id>}, with the operators' console redirect URIs: without it nobody of the tenant could
     * obtain a token to create the tenant's own clients, connections and keys.
     */
    public CreatedClient createConsoleClient(String tenantId, Set<String> scopes, List<String> redirectUris) {
        ClientSpec spec = new ClientSpec("Tenant console", false, redirectUris, List.of(),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), scopes, AccountGrant.ALL, null, null, null);
        return insert(tenantId, "console-" + tenantId, spec, GRANTABLE_SCOPES);
    }

    private CreatedClient insert(String tenantId, String clientId, ClientSpec spec, Set<String> allowedScopes) {
        if (tenants.findById(tenantId).isEmpty()) {
            throw GatewayException.invalid("no such tenant");
        }
        X509Certificate cert = validate(tenantId, spec, allowedScopes);
        String secret = spec.confidential() ? OpaqueSecret.newValue(SECRET_PREFIX) : null;
        String secretHash = secret == null ? null : OpaqueSecret.sha256Hex(secret);
        OAuthClient client = new OAuthClient(clientId, tenantId, spec.name().strip(), secretHash,
                spec.redirectUris(), spec.logoutRedirectUris(), spec.grantTypes(), spec.scopes(), spec.accounts(), cert,
                cert == null ? null : ClientCertificates.sha1Hex(cert), blankToNull(spec.serverUserId()), blankToNull(spec.appUrl()),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO oauth_clients (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, client.clientId());
            ps.setString(2, tenantId);
            ps.setString(3, client.name());
            ps.setString(4, client.secretSha256());
            ps.setString(5, String.join(" ", client.redirectUris()));
            ps.setString(6, String.join(" ", client.logoutRedirectUris()));
            ps.setString(7, client.grantTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(" ")));
            ps.setString(8, String.join(" ", new TreeSet<>(client.scopes())));
            ps.setString(9, accountsColumn(client.accounts()));
            ps.setString(10, cert == null ? null : spec.certificatePem().strip());
            ps.setString(11, client.certificateSha1());
            ps.setString(12, client.serverUserId());
            ps.setString(13, client.appUrl());
            ps.setTimestamp(14, Timestamp.from(client.createdAt()));
            ps.executeUpdate();
            return new CreatedClient(clientId, secret, client);
        } catch (SQLException e) {
            throw new StoreException("cannot create OAuth client", e);
        }
    }

    /** Any tenant's client: for the OAuth endpoints, which learn the tenant from the client. */
    public Optional<OAuthClient> find(String clientId) {
        if (clientId == null || clientId.length() > 64) {
            return Optional.empty();
        }
        return select("SELECT " + COLUMNS + " FROM oauth_clients WHERE client_id = ?", clientId).stream().findFirst();
    }

    /** A client of one tenant; another tenant's client is indistinguishable from a missing one. */
    public Optional<OAuthClient> find(String tenantId, String clientId) {
        return find(clientId).filter(c -> c.tenantId().equals(tenantId));
    }

    public List<OAuthClient> list(String tenantId) {
        return select("SELECT " + COLUMNS + " FROM oauth_clients WHERE tenant_id = ? ORDER BY created_at", tenantId);
    }

    /** Issues a new secret for a confidential client (the old one stops working); empty if no such client. */
    public Optional<String> rotateSecret(String tenantId, String clientId) {
        Optional<OAuthClient> client = find(tenantId, clientId).filter(OAuthClient::confidential);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        String secret = OpaqueSecret.newValue(SECRET_PREFIX);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE oauth_clients SET secret_sha256 = ? WHERE client_id = ? AND tenant_id = ?")) {
            ps.setString(1, OpaqueSecret.sha256Hex(secret));
            ps.setString(2, clientId);
            ps.setString(3, tenantId);
            return ps.executeUpdate() == 1 ? Optional.of(secret) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot rotate a client secret", e);
        }
    }

    /**
     * Deletes a client with its codes and refresh tokens; access tokens issued through its codes and
     * refreshes are revoked too. False if no such client in the tenant.
     */
    public boolean delete(String tenantId, String clientId) {
        if (find(tenantId, clientId).isEmpty()) {
            return false;
        }
        try (Connection c = db.getConnection()) {
            Set<String> families = new LinkedHashSet<>();
            for (String sql : List.of("SELECT DISTINCT family_id FROM refresh_tokens WHERE client_id = ?",
                    "SELECT DISTINCT family_id FROM authorization_codes WHERE client_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, clientId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            families.add(rs.getString(1));
                        }
                    }
                }
            }
            families.forEach(refreshTokens::revokeFamily);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM oauth_clients WHERE client_id = ? AND tenant_id = ?")) {
                ps.setString(1, clientId);
                ps.setString(2, tenantId);
                return ps.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot delete OAuth client", e);
        }
    }

    /** Constant-time check of a presented secret; a public client never matches. */
    public static boolean secretMatches(OAuthClient client, String presented) {
        if (!client.confidential() || presented == null || presented.length() > 200) {
            return false;
        }
        return OpaqueSecret.sameDigest(client.secretSha256(), OpaqueSecret.sha256Hex(presented));
    }

    private X509Certificate validate(String tenantId, ClientSpec spec, Set<String> allowedScopes) {
        if (spec.name() == null || spec.name().isBlank() || spec.name().length() > 200) {
            throw GatewayException.invalid("name is required (at most 200 characters)");
        }
        if (spec.grantTypes().isEmpty()) {
            throw GatewayException.invalid("at least one grant type is required");
        }
        if (spec.scopes().isEmpty() || !allowedScopes.containsAll(spec.scopes())) {
            throw GatewayException.invalid("scopes must be a non-empty subset of " + new TreeSet<>(allowedScopes));
        }
        Set<GrantType> grants = spec.grantTypes().isEmpty() ? EnumSet.noneOf(GrantType.class) : EnumSet.copyOf(spec.grantTypes());
        if (!spec.confidential() && (grants.contains(GrantType.CLIENT_CREDENTIALS) || grants.contains(GrantType.JWT_BEARER))) {
            throw GatewayException.invalid("client_credentials and the JWT-bearer grant need a confidential client");
        }
        if (grants.contains(GrantType.REFRESH_TOKEN) && !grants.contains(GrantType.AUTHORIZATION_CODE)) {
            throw GatewayException.invalid("refresh_token is only issued with authorization_code");
        }
        boolean redirects = grants.contains(GrantType.AUTHORIZATION_CODE) || grants.contains(GrantType.IMPLICIT);
        if (redirects && spec.redirectUris().isEmpty()) {
            throw GatewayException.invalid("authorization_code and implicit need at least one redirect URI");
        }
        for (List<String> list : List.of(spec.redirectUris(), spec.logoutRedirectUris())) {
            for (String uri : list) {
                String problem = RedirectUris.problem(uri);
                if (problem != null) {
                    throw GatewayException.invalid(problem);
                }
            }
            if (String.join(" ", list).length() > 4000) {
                throw GatewayException.invalid("too many redirect URIs");
            }
        }
        validateAccounts(tenantId, spec.accounts());
        if (!grants.contains(GrantType.JWT_BEARER)) {
            if (spec.certificatePem() != null || spec.serverUserId() != null || spec.appUrl() != null) {
                throw GatewayException.invalid("certificate, server user id and app URL belong to the JWT-bearer grant");
            }
            return null;
        }
        if (isBlank(spec.serverUserId()) || spec.serverUserId().length() > 200 || isBlank(spec.appUrl()) || spec.appUrl().length() > 500) {
            throw GatewayException.invalid("the JWT-bearer grant needs the UserId (sub) and AppUrl (spurl) the assertions must carry");
        }
        try {
            X509Certificate cert = ClientCertificates.parse(spec.certificatePem());
            cert.checkValidity();
            return cert;
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalid(e.getMessage());
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw GatewayException.invalid("the certificate is not valid now");
        }
    }

    private void validateAccounts(String tenantId, AccountGrant grant) {
        if (grant.all() || grant.accountIds().isEmpty()) {
            return;
        }
        Set<String> own = accounts.listByTenant(tenantId).stream().map(Account::id).collect(Collectors.toSet());
        if (!own.containsAll(grant.accountIds())) {
            throw GatewayException.invalid("unknown account in the account grant");
        }
        if (accountsColumn(grant).length() > 4000) {
            throw GatewayException.invalid("too many accounts; grant all accounts instead");
        }
    }

    private List<OAuthClient> select(String sql, String arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            List<OAuthClient> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read OAuth clients", e);
        }
    }

    private static OAuthClient row(ResultSet rs) throws SQLException {
        String pem = rs.getString(10);
        X509Certificate cert = pem == null ? null : ClientCertificates.parse(pem);
        Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
        words(rs.getString(7)).forEach(g -> grants.add(GrantType.valueOf(g)));
        String accts = rs.getString(9);
        return new OAuthClient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), List.copyOf(words(rs.getString(5))),
                List.copyOf(words(rs.getString(6))), grants, Set.copyOf(words(rs.getString(8))),
                "*".equals(accts) ? AccountGrant.ALL : AccountGrant.of(Set.copyOf(words(accts))), cert, rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant());
    }

    /** Space-separated words in order (duplicates kept out by the registration checks). */
    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split(" +"));
    }

    private static String accountsColumn(AccountGrant grant) {
        return grant.all() ? "*" : String.join(" ", new TreeSet<>(grant.accountIds()));
    }

    private static String newClientId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
