package io.brokergate.auth.admin;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.error.GatewayException;
import io.brokergate.longport.adapter.LongPortEndpoints;
import io.brokergate.longport.trading.ApiCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a broker connection must look like. LongPort and the paper exchange (which speaks LongPort)
 * need the three API-key credentials; their values travel in HTTP headers and signatures, so they
 * may not contain whitespace. Endpoints must be https/wss except on the allowed insecure hosts.
 */
final class ConnectionRules {

    static final int MAX_KEYS = 16;
    static final int MAX_VALUE = 2048;
    /** Keeps the encrypted blob well inside its 8000-character column. */
    static final int MAX_CREDENTIALS_JSON = 4000;
    static final int MAX_ENDPOINTS = 8;
    static final List<String> LONGPORT_KEYS = List.of(ApiCredentials.APP_KEY, ApiCredentials.APP_SECRET, ApiCredentials.ACCESS_TOKEN);
    static final List<String> LONGPORT_ENDPOINTS = List.of(LongPortEndpoints.HTTP, LongPortEndpoints.QUOTE_WS, LongPortEndpoints.TRADE_WS);
    private static final Duration LONGEST_TOKEN = Duration.ofDays(3650);

    private ConnectionRules() {
    }

    static BrokerId broker(String wireName) {
        for (BrokerId b : BrokerId.values()) {
            if (b.wireName().equals(wireName)) {
                return b;
            }
        }
        throw GatewayException.invalid("broker must be one of longport, paper, futu, aliceblue");
    }

    static boolean speaksLongPort(BrokerId b) {
        return b == BrokerId.LONGPORT || b == BrokerId.PAPER;
    }

    static Map<String, String> credentials(BrokerId broker, Map<String, String> credentials) {
        if (credentials == null || credentials.isEmpty()) {
            throw GatewayException.invalid("credentials are required");
        }
        if (credentials.size() > MAX_KEYS) {
            throw GatewayException.invalid("credentials: at most " + MAX_KEYS + " keys");
        }
        Map<String, String> out = new TreeMap<>();
        int size = 0;
        for (Map.Entry<String, String> e : credentials.entrySet()) {
            String key = Inputs.matching("credentials key", e.getKey(), Inputs.KEY_NAME, "lower-case letters, digits and _ (max 64)");
            String value = e.getValue();
            // Never echo a credential value, not even in an error message.
            if (value == null || value.isEmpty()) {
                throw GatewayException.invalid("credentials." + key + " must not be empty");
            }
            if (value.length() > MAX_VALUE || !Inputs.printable(value) || !value.equals(value.strip())) {
                throw GatewayException.invalid("credentials." + key + " is too long or contains unusable characters");
            }
            if (speaksLongPort(broker) && value.chars().anyMatch(Character::isWhitespace)) {
                throw GatewayException.invalid("credentials." + key + " must not contain whitespace");
            }
            size += key.length() + value.length() + 6;
            out.put(key, value);
        }
        if (size > MAX_CREDENTIALS_JSON) {
            throw GatewayException.invalid("credentials are too large");
        }
        if (speaksLongPort(broker)) {
            for (String required : LONGPORT_KEYS) {
                if (!out.containsKey(required)) {
                    throw GatewayException.invalid("credentials." + required + " is required for " + broker.wireName());
                }
            }
        }
        return out;
    }

    static Map<String, String> endpoints(BrokerId broker, Map<String, String> endpoints, Collection<String> insecureHosts) {
        if (endpoints == null || endpoints.isEmpty()) {
            return Map.of();
        }
        if (endpoints.size() > MAX_ENDPOINTS) {
            throw GatewayException.invalid("endpoints: at most " + MAX_ENDPOINTS);
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : endpoints.entrySet()) {
            String name = Inputs.matching("endpoints key", e.getKey(), Inputs.KEY_NAME, "lower-case letters, digits and _ (max 64)");
            if (speaksLongPort(broker) && !LONGPORT_ENDPOINTS.contains(name)) {
                throw GatewayException.invalid("endpoints: " + broker.wireName() + " knows " + String.join(", ", LONGPORT_ENDPOINTS));
            }
            // Secure schemes; Inputs.url allows their plain variant (http, ws) only on the insecure hosts.
            List<String> schemes = name.endsWith("_ws") ? List.of("wss") : List.of("https");
            Inputs.url("endpoints." + name, e.getValue(), schemes, insecureHosts);
            out.put(name, e.getValue());
        }
        return out;
    }

    /** LongPort tokens expire and must be refreshed in time, so their expiry is required. */
    static Instant tokenExpiry(BrokerId broker, Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            if (broker == BrokerId.LONGPORT) {
                throw GatewayException.invalid("access_token_expires_at is required for longport (shown with the token in the LongPort console)");
            }
            return null;
        }
        if (!speaksLongPort(broker)) {
            throw GatewayException.invalid("access_token_expires_at applies to longport and paper connections only");
        }
        if (!expiresAt.isAfter(now)) {
            throw GatewayException.invalid("access_token_expires_at must be in the future");
        }
        if (expiresAt.isAfter(now.plus(LONGEST_TOKEN))) {
            throw GatewayException.invalid("access_token_expires_at is too far in the future");
        }
        return expiresAt;
    }
}
