package io.brokergate.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.brokergate.core.error.ErrorCode;

/**
 * RFC 9457 problem details, with two extension members: {@code code} (the taxonomy's stable
 * name, e.g. {@code rate_limited}) and {@code retryable}. Property names are fixed here so that a
 * service's JSON naming strategy cannot change the wire format.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("status") int status,
        @JsonProperty("detail") String detail,
        @JsonProperty("instance") String instance,
        @JsonProperty("code") String code,
        @JsonProperty("retryable") boolean retryable) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are documented per code under this base. */
    public static final String TYPE_BASE = "https://brokergate.io/problems/";

    public static Problem of(ErrorCode code, String detail, String instance) {
        return new Problem(TYPE_BASE + code.wireName().replace('_', '-'), code.title(), code.httpStatus(), detail,
                instance, code.wireName(), code.retryable());
    }
}
