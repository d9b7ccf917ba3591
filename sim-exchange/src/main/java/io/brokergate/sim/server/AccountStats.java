package io.brokergate.sim.server;

import java.util.Map;

/**
 * A point-in-time copy of {@link AccountCounters}, as {@code GET /admin/stats} shows it.
 *
 * @param requests per endpoint ({@code GET /v1/asset/account}) or socket command ({@code quote 6 Subscribe})
 * @param rateLimitedQuoteRequests quote requests refused with 301606 (counted in {@code requests} too)
 */
public record AccountStats(String accountNo, long totalRequests, Map<String, Long> requests, int liveQuoteSockets,
                           int liveTradeSockets, int maxConcurrentQuoteSockets, long refusedDuplicateQuoteSockets,
                           int subscribedSymbols, long rateLimitedQuoteRequests) {

    public AccountStats {
        requests = Map.copyOf(requests);
    }

    public long requestCount(String endpoint) {
        return requests.getOrDefault(endpoint, 0L);
    }
}
