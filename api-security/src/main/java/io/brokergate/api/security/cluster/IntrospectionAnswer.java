package io.brokergate.api.security.cluster;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.api.security.TokenClaims;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an RFC 7662 answer about an API key. Besides {@code active}, auth-service states the
 * key's caller with the access-token claim names: {@code sub} (key id), {@code tenant},
 * {@code scope}, {@code accts}, optional {@code client_id} and {@code exp}.
 */
final class IntrospectionAnswer {

    private IntrospectionAnswer() {
    }

    static Optional<Caller> caller(JsonObject answer) {
        if (!Boolean.TRUE.equals(answer.getValue("active"))) {
            return Optional.empty();
        }
        if (!(answer.getValue("sub") instanceof String subject) || subject.isBlank()
                || !(answer.getValue(TokenClaims.TENANT) instanceof String tenant) || tenant.isBlank()) {
            throw new IllegalArgumentException("active introspection answer without sub or tenant");
        }
        Object scope = answer.getValue(TokenClaims.SCOPE);
        Object clientId = answer.getValue(TokenClaims.CLIENT_ID);
        Object exp = answer.getValue("exp");
        return Optional.of(new Caller(subject, tenant, scopes(scope), grant(answer.getValue(TokenClaims.ACCOUNTS)),
                CredentialKind.API_KEY, clientId instanceof String c ? c : null,
                exp instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null));
    }

    private static Set<String> scopes(Object scope) {
        Set<String> scopes = new HashSet<>();
        if (scope instanceof String s) {
            for (String part : s.split(" ")) {
                if (!part.isEmpty()) {
                    scopes.add(part);
                }
            }
        }
        return scopes;
    }

    private static AccountGrant grant(Object accounts) {
        if (!(accounts instanceof JsonArray array)) {
            return AccountGrant.NONE;
        }
        Set<String> ids = new HashSet<>();
        for (Object id : array) {
            if (id instanceof String s) {
                ids.add(s);
            }
        }
        return AccountGrant.of(ids);
    }
}
