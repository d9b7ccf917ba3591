package io.brokergate.auth.oauth;

import io.vertx.core.http.HttpServerRequest;

/**
 * Where a request came from, for throttling, the audit log and cookie flags. Behind a proxy these
 * reflect X-Forwarded-For / X-Forwarded-Proto only when {@code quarkus.http.proxy.*} trusts it.
 */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    /** The client address, or null when unknown. */
    public static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }

    public static boolean https(HttpServerRequest http) {
        return "https".equalsIgnoreCase(http.scheme());
    }
}
