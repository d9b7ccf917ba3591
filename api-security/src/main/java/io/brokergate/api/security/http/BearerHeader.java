package io.brokergate.api.security.http;

import io.brokergate.api.security.CredentialFailure;
import io.brokergate.api.security.InvalidCredentialException;
import java.util.List;

/**
 * Strict reading of {@code Authorization: Bearer <credential>} (RFC 6750 §2.1). Another scheme,
 * or a value without a scheme, is not a bearer credential: the request stays anonymous so other
 * mechanisms (e.g. client_secret_basic on auth-service's endpoints) can handle it, and protected
 * resources answer 401. A Bearer header that is malformed is refused outright.
 */
final class BearerHeader {

    /** Longest credential accepted; access tokens are around 1 KiB, API keys far less. */
    static final int MAX_CREDENTIAL_LENGTH = 8 * 1024;
    private static final String SCHEME = "Bearer";

    private BearerHeader() {
    }

    /** The credential, or null when the request carries no Bearer authorization. */
    static String credential(List<String> authorizationHeaders) {
        if (authorizationHeaders.isEmpty()) {
            return null;
        }
        if (authorizationHeaders.size() > 1) {
            throw new InvalidCredentialException(CredentialFailure.MALFORMED_HEADER);
        }
        String value = authorizationHeaders.get(0);
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        if (value.length() == SCHEME.length()) {
            throw new InvalidCredentialException(CredentialFailure.MALFORMED_HEADER);
        }
        if (value.charAt(SCHEME.length()) != ' ') {
            return null; // a scheme that merely starts with "Bearer"
        }
        int start = SCHEME.length();
        while (start < value.length() && value.charAt(start) == ' ') {
            start++;
        }
        int length = value.length() - start;
        if (length > MAX_CREDENTIAL_LENGTH) {
            throw new InvalidCredentialException(CredentialFailure.CREDENTIAL_TOO_LONG);
        }
        if (length == 0 || !isToken68(value, start)) {
            throw new InvalidCredentialException(CredentialFailure.MALFORMED_HEADER);
        }
        return value.substring(start);
    }

    /** {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}: no spaces, no second token, ASCII only. */
    private static boolean isToken68(String value, int start) {
        int end = value.length();
        while (end > start && value.charAt(end - 1) == '=') {
            end--;
        }
        if (end == start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
