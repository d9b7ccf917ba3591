package io.brokergate.auth.sessions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * data of {@code GET /v1/token/refresh} (longport.md §1.5). Only {@code token} is required;
 * {@code expired_at} is read when present. {@code account_info} is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RefreshedTokenJson(
        @JsonProperty("token") String token,
        @JsonProperty("expired_at") String expiredAt,
        @JsonProperty("issued_at") String issuedAt) {

    @Override
    public String toString() {
        return "RefreshedToken[expired_at=" + expiredAt + "]";
    }
}
