package io.brokergate.stream.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A client message: {@code {"op":…, "id":…, …}}. Fields not used by an op are ignored.
 *
 * @param ref the client's own id of the message, echoed as {@code ref} in answers
 */
record ClientOp(String op, String ref, String stream, List<String> streams, String account, List<String> symbols,
                Long epoch, Long fromSequence, String token) {

    /** @throws IllegalArgumentException when a field has the wrong JSON type */
    static ClientOp of(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("message is not a JSON object");
        }
        return new ClientOp(text(n, "op"), n.hasNonNull("id") ? n.get("id").asText() : null, text(n, "stream"),
                texts(n, "streams"), text(n, "account"), texts(n, "symbols"), number(n, "epoch"),
                number(n, "from_sequence"), text(n, "token"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.asText();
    }

    private static Long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new IllegalArgumentException(field + " must be a non-negative integer");
        }
        return v.asLong();
    }

    private static List<String> texts(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException(field + " must be an array of strings");
            }
            out.add(e.asText());
        }
        return out;
    }
}
