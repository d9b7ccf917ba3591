package io.brokergate.quote.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.quote.api.Examples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator rejects what the spec rejects, and our documented examples pass it. */
class OpenApiSchemaTest {

    static final OpenApiSchema SPEC = OpenApiSchema.load(Path.of("src/test/resources/tradingview/tradingview-broker-api.yaml"));
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDocumentedExamplesAreValid() {
        Map<String, String> examples = Map.of("/quotes", Examples.TV_QUOTES, "/depth", Examples.TV_DEPTH,
                "/history", Examples.TV_HISTORY, "/symbol_info", Examples.TV_SYMBOL_INFO, "/groups", Examples.TV_GROUPS,
                "/permissions", Examples.TV_PERMISSIONS, "/mapping", Examples.TV_MAPPING);
        examples.forEach((path, body) -> assertEquals(List.of(), SPEC.check(path, 200, json(body)), path));
        assertEquals(List.of(), SPEC.check("/history", 200, json(Examples.TV_HISTORY_EMPTY)));
        assertEquals(List.of(), SPEC.check("/history", 200, json(Examples.TV_ERROR)));
    }

    @Test
    void whatTheSpecForbidsIsReported() {
        assertInvalid("/quotes", "{\"s\":\"ok\",\"d\":[{\"n\":\"700.HK\",\"v\":{\"ask\":1}}]}", "bid");
        assertInvalid("/quotes", "{\"s\":\"ok\",\"d\":[{\"n\":\"700.HK\",\"v\":{\"ask\":1,\"bid\":\"1\"}}]}", "expected number");
        assertInvalid("/quotes", "{\"s\":\"ok\",\"d\":[]}", "fewer than 1");
        assertInvalid("/quotes", "{\"s\":\"fine\",\"d\":[{\"n\":\"a\",\"v\":{\"ask\":1,\"bid\":1}}]}", "not one of");
        assertInvalid("/history", "{\"s\":\"ok\",\"t\":[1],\"o\":[1],\"h\":[1],\"l\":[1],\"c\":[1]}", "'v' is missing");
        assertInvalid("/history", "{\"s\":\"ok\",\"t\":[],\"o\":[],\"h\":[],\"l\":[],\"c\":[],\"v\":[],\"nb\":1}", "'nb' is not allowed");
        assertInvalid("/depth", "{\"s\":\"ok\",\"d\":{\"asks\":[[1,2]]}}", "'bids' is missing");
        assertInvalid("/symbol_info", "{\"s\":\"ok\",\"symbol\":[]}", "required property");
        assertInvalid("/groups", "{\"s\":\"ok\",\"d\":{\"groups\":[{\"name\":\"x\"}]}}", "'id' is missing");
        assertInvalid("/mapping", "{\"symbols\":[{\"f\":[\"A\"],\"s\":\"X:A\"}],\"fields\":[\"brokerSymbol\",\"x\"]}", "more than 1");
        assertInvalid("/history", "{\"s\":\"error\"}", "errmsg");
    }

    private static void assertInvalid(String path, String body, String expected) {
        List<String> problems = SPEC.check(path, 200, json(body));
        assertFalse(problems.isEmpty(), path + " " + body + " should be invalid");
        assertTrue(problems.toString().contains(expected), problems + " should mention " + expected);
    }
}
