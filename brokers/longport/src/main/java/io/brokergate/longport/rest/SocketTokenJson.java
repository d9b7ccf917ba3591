package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * data of {@code GET /v1/socket/token}. The OTP is single-use; the SDK refuses to connect when
 * {@code online >= limit}.
 */
public record SocketTokenJson(
        @JsonProperty("otp") String otp,
        @JsonProperty("limit") int limit,
        @JsonProperty("online") int online) {
}
