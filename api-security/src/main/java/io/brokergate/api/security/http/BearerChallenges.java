package io.brokergate.api.security.http;

import io.brokergate.api.security.CredentialFailure;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** {@code WWW-Authenticate} values of RFC 6750 §3, built once per failure kind. */
public final class BearerChallenges {

    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String REALM = "brokergate";
    /** No credential was presented. */
    public static final String AUTHENTICATION_REQUIRED = "Bearer realm=\"" + REALM + "\"";
    /** A credential was presented and refused, reason unknown to api-security. */
    public static final String INVALID_TOKEN = AUTHENTICATION_REQUIRED + ", error=\"invalid_token\"";

    private static final ChallengeData ANONYMOUS = new ChallengeData(401, WWW_AUTHENTICATE, AUTHENTICATION_REQUIRED);
    private static final ChallengeData REFUSED = new ChallengeData(401, WWW_AUTHENTICATE, INVALID_TOKEN);
    /** The check could not run: no challenge, the client should retry the same credential. */
    private static final ChallengeData UNAVAILABLE = new ChallengeData(500);
    private static final Map<CredentialFailure, ChallengeData> BY_FAILURE = new EnumMap<>(CredentialFailure.class);

    static {
        for (CredentialFailure f : CredentialFailure.values()) {
            BY_FAILURE.put(f, f.callerAtFault()
                    ? new ChallengeData(401, WWW_AUTHENTICATE, invalidToken(f))
                    : UNAVAILABLE);
        }
    }

    private BearerChallenges() {
    }

    /** The challenge for an authentication failure, or for an anonymous request when {@code failure} is null. */
    public static ChallengeData forFailure(AuthenticationFailedException failure) {
        if (failure == null) {
            return ANONYMOUS;
        }
        return CredentialFailure.of(failure).map(BY_FAILURE::get).orElse(REFUSED);
    }

    /** RFC 6750 §3.1 {@code insufficient_scope}, naming the scopes of which one is needed. */
    public static String insufficientScope(Collection<String> scopes) {
        String base = AUTHENTICATION_REQUIRED + ", error=\"insufficient_scope\"";
        return scopes.isEmpty() ? base : base + ", scope=\"" + String.join(" ", scopes) + "\"";
    }

    private static String invalidToken(CredentialFailure f) {
        // Details are fixed ASCII texts without quotes or backslashes, as error_description requires.
        return INVALID_TOKEN + ", error_description=\"" + f.detail() + "\"";
    }
}
