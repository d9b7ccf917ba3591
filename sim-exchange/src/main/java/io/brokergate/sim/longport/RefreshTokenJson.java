package io.brokergate.sim.longport;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** data of {@code GET /v1/token/refresh} (longport.md §1.5); the SDK reads only {@code token}. */
@JsonPropertyOrder({"token", "expired_at", "issued_at", "account_info"})
record RefreshTokenJson(
        @JsonProperty("token") String token,
        @JsonProperty("expired_at") String expiredAt,
        @JsonProperty("issued_at") String issuedAt,
        @JsonProperty("account_info") AccountInfo accountInfo) {

    record AccountInfo(
            @JsonProperty("member_id") long memberId,
            @JsonProperty("aaid") String aaid,
            @JsonProperty("account_channel") String accountChannel) {
    }
}
