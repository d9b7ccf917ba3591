package io.brokergate.api.tradingview.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small validator of JSON bodies against the response schemas of an OpenAPI 3.0 document (the
 * TradingView Broker API YAML), covering the keywords that document uses: {@code $ref}, {@code type},
 * {@code nullable}, {@code enum}, {@code properties}, {@code required}, {@code additionalProperties},
 * {@code items}, {@code minItems}, {@code maxItems}, {@code allOf}, {@code oneOf} and {@code anyOf}.
 *
 * <p>Two readings follow OpenAPI practice rather than bare JSON Schema, because the document relies
 * on them: {@code allOf} composes one object (properties and required lists are merged, and
 * {@code additionalProperties: false} applies to the merged properties: TradingView's
 * {@code HistorySuccessResponse} is {@code SuccessResponse} + {@code BarsArrays}, each closed on its
 * own); and a {@code oneOf} alternative is accepted when at least one branch matches, because the
 * document's alternatives overlap ({@code {"s":"ok","t":[],…}} is both a success and the
 * empty-bars response).
 *
 * <p>{@link #tradingView()} is TradingView's 1.4.14 document with the 1.4.15–1.4.27 additions laid
 * over it ({@code tradingview-1.4.27-additions.yaml}: new flags, {@code /userInfo},
 * {@code /orderInfo}), which the rendered 1.4.27 spec names but whose schemas it collapses.
 */
public final class OpenApiSchema {

    private final JsonNode document;

    private OpenApiSchema(JsonNode document) {
        this.document = document;
    }

    /** TradingView's Broker API: the 1.4.14 document plus the hand-written 1.4.15–1.4.27 additions. */
    public static OpenApiSchema tradingView() {
        JsonNode document = read("tradingview-broker-api.yaml");
        merge((ObjectNode) document, read("tradingview-1.4.27-additions.yaml"));
        return new OpenApiSchema(document);
    }

    /** TradingView's 1.4.14 document as published, without the later additions. */
    public static OpenApiSchema tradingView1414() {
        return new OpenApiSchema(read("tradingview-broker-api.yaml"));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = OpenApiSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Objects merge member by member; anything else in the overlay replaces what was there. */
    private static void merge(ObjectNode base, JsonNode overlay) {
        overlay.fields().forEachRemaining(e -> {
            JsonNode current = base.get(e.getKey());
            if (current instanceof ObjectNode o && e.getValue().isObject()) {
                merge(o, e.getValue());
            } else {
                base.set(e.getKey(), e.getValue());
            }
        });
    }

    /** Problems of {@code body} as the {@code status} answer of {@code GET path}; empty when it is valid. */
    public List<String> check(String path, int status, JsonNode body) {
        return check("GET", path, status, body);
    }

    /** Problems of {@code body} as the {@code status} answer of {@code method path} (a spec path template). */
    public List<String> check(String method, String path, int status, JsonNode body) {
        JsonNode schema = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses")
                .path(String.valueOf(status)).path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return List.of("the document has no JSON schema for " + method + " " + path + " " + status);
        }
        List<String> problems = new ArrayList<>();
        validate(schema, body, "$", problems);
        return problems;
    }

    /** Problems of {@code value} against a named component schema. */
    public List<String> checkComponent(String name, JsonNode value) {
        List<String> problems = new ArrayList<>();
        validate(ref("#/components/schemas/" + name), value, "$", problems);
        return problems;
    }

    private void validate(JsonNode schema, JsonNode value, String at, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("allOf")) {
            validate(merge(schema), value, at, problems);
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && schema.has("type")) {
                problems.add(at + ": null is not allowed");
            }
            return;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            alternatives(schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf"), value, at, problems);
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type").asText(), value)) {
            problems.add(at + ": expected " + schema.get("type").asText() + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isObject()) {
            object(schema, value, at, problems);
        } else if (value.isArray()) {
            array(schema, value, at, problems);
        }
    }

    private void alternatives(JsonNode options, JsonNode value, String at, List<String> problems) {
        List<String> why = new ArrayList<>();
        for (JsonNode option : options) {
            List<String> p = new ArrayList<>();
            validate(option, value, at, p);
            if (p.isEmpty()) {
                return;
            }
            why.add(title(option) + ": " + p);
        }
        problems.add(at + ": matches none of the alternatives " + why);
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> problems) {
        JsonNode properties = schema.path("properties");
        for (JsonNode r : schema.path("required")) {
            if (!value.has(r.asText())) {
                problems.add(at + ": required property '" + r.asText() + "' is missing");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (properties.has(f.getKey())) {
                validate(properties.get(f.getKey()), f.getValue(), at + "." + f.getKey(), problems);
            } else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                problems.add(at + ": property '" + f.getKey() + "' is not allowed");
            } else if (schema.path("additionalProperties").isObject()) {
                validate(schema.get("additionalProperties"), f.getValue(), at + "." + f.getKey(), problems);
            }
        }
    }

    private void array(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            problems.add(at + ": fewer than " + schema.get("minItems").asInt() + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            problems.add(at + ": more than " + schema.get("maxItems").asInt() + " items");
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(schema.get("items"), value.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    /** allOf as one object: merged properties and required; closed when any part is closed. */
    private JsonNode merge(JsonNode schema) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        ObjectNode properties = merged.putObject("properties");
        Set<String> required = new LinkedHashSet<>();
        boolean closed = false;
        List<JsonNode> parts = new ArrayList<>();
        schema.get("allOf").forEach(p -> parts.add(resolve(p)));
        for (JsonNode part : parts) {
            JsonNode p = part.has("allOf") ? merge(part) : part;
            p.path("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
            p.path("required").forEach(r -> required.add(r.asText()));
            closed |= p.path("additionalProperties").isBoolean() && !p.get("additionalProperties").asBoolean();
        }
        merged.put("type", "object");
        ArrayNode req = merged.putArray("required");
        required.forEach(req::add);
        if (closed) {
            merged.put("additionalProperties", false);
        }
        return merged;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            s = ref(s.get("$ref").asText());
        }
        return s;
    }

    private JsonNode ref(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        JsonNode n = document;
        for (String part : ref.substring(2).split("/")) {
            n = n.path(part.replace("~1", "/").replace("~0", "~"));
        }
        if (n.isMissingNode()) {
            throw new IllegalArgumentException("dangling reference " + ref);
        }
        return n;
    }

    private static boolean typeMatches(String type, JsonNode v) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber() || v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0;
            case "boolean" -> v.isBoolean();
            default -> true;
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode o : options) {
            if (o.equals(value) || o.isNumber() && value.isNumber() && o.decimalValue().compareTo(value.decimalValue()) == 0) {
                return true;
            }
        }
        return false;
    }

    private static String title(JsonNode option) {
        return option.has("$ref") ? option.get("$ref").asText().replaceFirst(".*/", "") : option.path("title").asText("alternative");
    }
}
