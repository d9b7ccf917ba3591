package io.brokergate.remote.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokergate.api.problem.Problem;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * Failures on the owners' internal API: RFC 9457 problem JSON with the gateway's {@code code}, plus
 * {@code retry_after_ms} (exact, where the {@code Retry-After} header has whole seconds) and
 * {@code broker_code}, so the calling pod re-throws the very {@link GatewayException} the owner's
 * adapter raised. One answer is not a taxonomy error: {@value #MISDIRECTED} with code
 * {@value #NOT_OWNER}, "this pod does not hold the account's socket", after which the caller looks
 * the owner up again.
 */
public final class OwnerProblems {

    /** HTTP 421 Misdirected Request: sent to a pod that does not own the account (RFC 9110 §15.5.20). */
    public static final int MISDIRECTED = 421;
    public static final String NOT_OWNER = "not_owner";

    private OwnerProblems() {
    }

    public static byte[] encode(GatewayException e, String instance) {
        ObjectNode problem = OwnerJson.mapper().valueToTree(Problem.of(e.code(), e.getMessage(), instance));
        if (e.retryAfter() != null) {
            problem.put("retry_after_ms", e.retryAfter().toMillis());
        }
        if (e.brokerCode() != null) {
            problem.put("broker_code", e.brokerCode());
        }
        return OwnerJson.write(problem);
    }

    public static byte[] notOwner(String accountId, String instance) {
        return OwnerJson.write(new Problem(Problem.TYPE_BASE + "not-owner", "Misdirected request", MISDIRECTED,
                "this pod does not hold the broker socket of account " + accountId, instance, NOT_OWNER, true));
    }

    /** Whether an answer says "not the owner". */
    public static boolean isNotOwner(int status, byte[] body) {
        return status == MISDIRECTED && NOT_OWNER.equals(field(body, "code"));
    }

    /** The failure a problem body stands for; null when the body is not a problem with a known code. */
    public static GatewayException decode(byte[] body) {
        JsonNode problem = tree(body);
        if (problem == null || !problem.path("code").isTextual()) {
            return null;
        }
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(problem.get("code").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        JsonNode retryAfter = problem.path("retry_after_ms");
        JsonNode brokerCode = problem.path("broker_code");
        return new GatewayException(code, problem.path("detail").asText(code.title()),
                retryAfter.canConvertToLong() ? Duration.ofMillis(retryAfter.asLong()) : null,
                brokerCode.isTextual() ? brokerCode.asText() : null, null);
    }

    private static String field(byte[] body, String name) {
        JsonNode tree = tree(body);
        return tree == null ? null : tree.path(name).asText(null);
    }

    private static JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode tree = OwnerJson.mapper().readTree(body);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }
}
