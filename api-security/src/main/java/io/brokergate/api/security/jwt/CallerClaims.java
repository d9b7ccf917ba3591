package io.brokergate.api.security.jwt;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialFailure;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.api.security.InvalidCredentialException;
import io.brokergate.api.security.TokenClaims;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/** Turns the verified claims of an access token into its {@link Caller}; anything missing or mistyped refuses the token. */
final class CallerClaims {

    private CallerClaims() {
    }

    static Caller toCaller(JwtClaims claims) {
        try {
            String subject = claims.getSubject();
            Object tenant = claims.getClaimValue(TokenClaims.TENANT);
            Object scope = claims.getClaimValue(TokenClaims.SCOPE);
            if (subject == null || subject.isBlank() || !(tenant instanceof String t) || t.isBlank()
                    || !(scope instanceof String s)) {
                throw invalid();
            }
            return new Caller(subject, t, scopes(s), grant(claims.getClaimValue(TokenClaims.ACCOUNTS)),
                    kind(claims.getClaimValue(TokenClaims.KIND)), optionalString(claims.getClaimValue(TokenClaims.CLIENT_ID)),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (MalformedClaimException e) {
            throw invalid();
        }
    }

    /** RFC 8693 {@code scope}: space-separated, empty entries ignored. */
    static Set<String> scopes(String scope) {
        Set<String> scopes = new HashSet<>();
        int start = 0;
        while (start < scope.length()) {
            int end = scope.indexOf(' ', start);
            if (end < 0) {
                end = scope.length();
            }
            if (end > start) {
                scopes.add(scope.substring(start, end));
            }
            start = end + 1;
        }
        return scopes;
    }

    private static AccountGrant grant(Object accounts) {
        if (accounts == null) {
            return AccountGrant.NONE;
        }
        if (!(accounts instanceof List<?> list)) {
            throw invalid();
        }
        Set<String> ids = new HashSet<>();
        for (Object id : list) {
            if (!(id instanceof String s)) {
                throw invalid();
            }
            ids.add(s);
        }
        return AccountGrant.of(ids);
    }

    private static CredentialKind kind(Object kind) {
        if (kind == null) {
            return CredentialKind.USER;
        }
        try {
            return CredentialKind.valueOf(((String) kind).toUpperCase(Locale.ROOT));
        } catch (ClassCastException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static String optionalString(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid();
    }

    private static InvalidCredentialException invalid() {
        return new InvalidCredentialException(CredentialFailure.CLAIMS_INVALID);
    }
}
