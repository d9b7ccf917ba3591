package io.brokergate.auth.tokens;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.TokenClaims;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * An RFC 7662 introspection response. An inactive token is {@code {"active":false}} and nothing
 * else (§2.2: no hint why). Extension members use the access token's claim names
 * ({@code tenant}, {@code accts}, {@code bg_kind}) so a resource server reads both alike.
 *
 * @param tokenType {@code Bearer} for access tokens, {@code refresh_token}, or the introspector's own (e.g. {@code api_key})
 * @param kind      a {@link io.brokergate.api.security.CredentialKind} name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Introspection(
        @JsonProperty("active") boolean active,
        @JsonProperty("scope") String scope,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("sub") String subject,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("exp") Long expiresAt,
        @JsonProperty("iat") Long issuedAt,
        @JsonProperty("iss") String issuer,
        @JsonProperty("aud") String audience,
        @JsonProperty(TokenClaims.TENANT) String tenant,
        @JsonProperty(TokenClaims.ACCOUNTS) List<String> accounts,
        @JsonProperty(TokenClaims.KIND) String kind) {

    private static final Introspection INACTIVE =
            new Introspection(false, null, null, null, null, null, null, null, null, null, null, null);

    public static Introspection inactive() {
        return INACTIVE;
    }

    /** An active answer for a verified caller, e.g. an API key. */
    public static Introspection of(Caller caller, Instant issuedAt, String tokenType, String issuer) {
        List<String> accts = caller.accounts().all() ? List.of("*") : List.copyOf(new TreeSet<>(caller.accounts().accountIds()));
        return new Introspection(true, String.join(" ", new TreeSet<>(caller.scopes())), caller.clientId(), caller.subject(),
                tokenType, caller.expiresAt() == null ? null : caller.expiresAt().getEpochSecond(),
                issuedAt == null ? null : issuedAt.getEpochSecond(), issuer, TokenClaims.AUDIENCE, caller.tenantId(), accts,
                caller.kind().name());
    }

    /** Whether a caller confined to {@code tenantId} may see this answer. */
    @JsonIgnore
    public boolean visibleTo(String tenantId) {
        return active && tenantId != null && tenantId.equals(tenant);
    }
}
