package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * Every REST response body: {@code {"code": int, "message": string, "data": ...}} (longport.md §1.4).
 * The key is {@code message}: the SDK fails to decode a body that says {@code msg}. On success
 * {@code data} must be non-null (at least {@code {}}), or the SDK reports "unexpected response".
 */
@JsonPropertyOrder({"code", "message", "data"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LongPortEnvelope<T>(
        @JsonProperty("code") int code,
        @JsonProperty("message") String message,
        @JsonProperty("data") T data) {

    public static final int SUCCESS = 0;

    public static <T> LongPortEnvelope<T> ok(T data) {
        if (data == null) {
            throw new IllegalArgumentException("success needs non-null data; use okEmpty() for void calls");
        }
        return new LongPortEnvelope<>(SUCCESS, "success", data);
    }

    /** {@code data: {}} for void calls (replace, withdraw). A Map, so any ObjectMapper writes "{}". */
    public static LongPortEnvelope<Map<String, Object>> okEmpty() {
        return new LongPortEnvelope<>(SUCCESS, "success", Map.of());
    }

    public static <T> LongPortEnvelope<T> error(int code, String message) {
        if (code == SUCCESS) {
            throw new IllegalArgumentException("an error envelope needs a non-zero code");
        }
        return new LongPortEnvelope<>(code, message == null ? "" : message, null);
    }

    public static <T> LongPortEnvelope<T> error(LongPortErrorCode code) {
        return error(code.code(), code.message());
    }

    /** Ignored by Jackson so that it does not become a "success" key. */
    @JsonIgnore
    public boolean isSuccess() {
        return code == SUCCESS;
    }
}
