package io.brokergate.quote.tradingview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.tradingview.testing.OpenApiSchema;
import io.brokergate.quote.api.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The /tv examples our OpenAPI document shows are valid answers by TradingView's spec. */
class DocumentedExamplesTest {

    private static final OpenApiSchema SPEC = OpenApiSchema.tradingView();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDocumentedExamplesAreValid() throws Exception {
        Map<String, String> examples = Map.of("/quotes", Examples.TV_QUOTES, "/depth", Examples.TV_DEPTH,
                "/history", Examples.TV_HISTORY, "/symbol_info", Examples.TV_SYMBOL_INFO, "/groups", Examples.TV_GROUPS,
                "/permissions", Examples.TV_PERMISSIONS, "/mapping", Examples.TV_MAPPING);
        for (Map.Entry<String, String> e : examples.entrySet()) {
            assertEquals(List.of(), SPEC.check(e.getKey(), 200, json(e.getValue())), e.getKey());
        }
        assertEquals(List.of(), SPEC.check("/history", 200, json(Examples.TV_HISTORY_EMPTY)));
        assertEquals(List.of(), SPEC.check("/history", 200, json(Examples.TV_ERROR)));
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }
}
