package io.brokergate.api.tradingview.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator rejects what the spec rejects, and knows the 1.4.15–1.4.27 additions. */
class OpenApiSchemaTest {

    static final OpenApiSchema SPEC = OpenApiSchema.tradingView();
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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

    @Test
    void theLaterAdditionsAreKnownAndClosed() {
        assertEquals(List.of(), SPEC.check("/userInfo", 200, json("{\"s\":\"ok\",\"d\":{\"id\":\"u-1\"}}")));
        assertInvalid("/userInfo", "{\"s\":\"ok\",\"d\":{}}", "'id' is missing");
        assertEquals(List.of(), SPEC.check("POST", "/accounts/{accountId}/orderInfo", 200,
                json("{\"s\":\"ok\",\"d\":{\"rows\":[{\"title\":\"Fees\",\"value\":\"18.00 HKD\"}]}}")));
        assertFalse(SPEC.check("POST", "/accounts/{accountId}/orderInfo", 200, json("{\"s\":\"ok\",\"d\":{\"x\":1}}")).isEmpty());
        String flags = "{\"s\":\"ok\",\"d\":[{\"id\":\"a\",\"name\":\"a\",\"type\":\"demo\",\"config\":"
                + "{\"supportStopLoss\":false,\"supportCustomOrderInfo\":true,\"supportCloseIndividualPosition\":false,"
                + "\"supportRiskControlsAndInfo\":false}}]}";
        assertEquals(List.of(), SPEC.check("/accounts", 200, json(flags)));
        assertFalse(OpenApiSchema.tradingView1414().check("/accounts", 200, json(flags)).isEmpty(), "1.4.14 knows none of them");
        assertInvalid("/accounts", flags.replace("supportStopLoss", "supportStopLos"), "'supportStopLos' is not allowed");
        assertEquals(List.of(), SPEC.check("/config", 200,
                json("{\"s\":\"ok\",\"d\":{\"orderInfoConfig\":{\"dependencies\":[\"qty\",\"limitPrice\"]}}}")));
    }

    private static void assertInvalid(String path, String body, String expected) {
        List<String> problems = SPEC.check(path, 200, json(body));
        assertFalse(problems.isEmpty(), path + " " + body + " should be invalid");
        assertTrue(problems.toString().contains(expected), problems + " should mention " + expected);
    }
}
