package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /v1/admin/connections}. {@code broker}: longport, paper, futu or aliceblue.
 * LongPort and paper credentials need {@code app_key}, {@code app_secret} and
 * {@code access_token}; LongPort also needs {@code access_token_expires_at} so the token can be
 * refreshed before it expires. {@code endpoints} override the broker's hosts ({@code http},
 * {@code quote_ws}, {@code trade_ws}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConnectionRequest(String broker, String name, Map<String, String> credentials,
                                Map<String, String> endpoints, Instant accessTokenExpiresAt) {

    /** Never prints credential values. */
    @Override
    public String toString() {
        return "ConnectionRequest[" + broker + ", " + name + ", credential keys="
                + (credentials == null ? "none" : credentials.keySet()) + "]";
    }
}
