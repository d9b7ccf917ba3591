package io.brokergate.auth.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Test stand-in for all-in-one's in-process paper exchange: whatever a test started. */
@ApplicationScoped
public class TestPaperExchangeEndpoints implements PaperExchangeEndpoints {

    static volatile Map<String, String> running = Map.of();

    @Override
    public Map<String, String> endpoints() {
        return running;
    }
}
