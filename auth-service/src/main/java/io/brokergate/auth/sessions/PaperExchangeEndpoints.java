package io.brokergate.auth.sessions;

import java.util.Map;

/**
 * Where an in-process paper exchange listens, for paper connections stored without endpoints
 * (all-in-one resolves them at run time because the exchange's port is only known then). An
 * application that runs a paper exchange provides a bean; without one, such connections fail
 * with {@code broker_unavailable}.
 */
public interface PaperExchangeEndpoints {

    /** Endpoint URLs by name ({@code http}, {@code quote_ws}, {@code trade_ws}); empty when not running. */
    Map<String, String> endpoints();
}
