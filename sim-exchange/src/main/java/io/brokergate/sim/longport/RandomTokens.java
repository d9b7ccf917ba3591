package io.brokergate.sim.longport;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers for OTPs, session ids, refreshed tokens and trace ids. */
final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    static String next(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return URL.encodeToString(b);
    }
}
