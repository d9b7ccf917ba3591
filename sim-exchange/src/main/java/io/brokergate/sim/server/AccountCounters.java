package io.brokergate.sim.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one account did to the sim-exchange: requests per REST endpoint or socket command, live
 * sockets, and the connection-rule evidence tests assert on (the most quote sockets ever open at
 * once, refused duplicates). Written on the event loop, read from any thread.
 */
public final class AccountCounters {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final AtomicInteger liveQuoteSockets = new AtomicInteger();
    private final AtomicInteger liveTradeSockets = new AtomicInteger();
    private final AtomicInteger maxConcurrentQuoteSockets = new AtomicInteger();
    private final AtomicLong refusedDuplicateQuoteSockets = new AtomicLong();
    private final AtomicInteger subscribedSymbols = new AtomicInteger();
    private final AtomicLong rateLimitedQuoteRequests = new AtomicLong();

    /** @param endpoint e.g. {@code GET /v1/trade/order/today} or {@code quote 11 QuerySecurityQuote} */
    public void countRequest(String endpoint) {
        requests.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
    }

    public void quoteSocketOpened() {
        int now = liveQuoteSockets.incrementAndGet();
        maxConcurrentQuoteSockets.accumulateAndGet(now, Math::max);
    }

    public void quoteSocketClosed() {
        liveQuoteSockets.decrementAndGet();
    }

    public void tradeSocketOpened() {
        liveTradeSockets.incrementAndGet();
    }

    public void tradeSocketClosed() {
        liveTradeSockets.decrementAndGet();
    }

    public void duplicateQuoteSocketRefused() {
        refusedDuplicateQuoteSockets.incrementAndGet();
    }

    /** A quote request refused with 301606 (over 10 per second or 5 in flight): the evidence a client broke the limit. */
    public void quoteRequestRateLimited() {
        rateLimitedQuoteRequests.incrementAndGet();
    }

    public void subscribedSymbols(int count) {
        subscribedSymbols.set(count);
    }

    public AccountStats snapshot(String accountNo) {
        Map<String, Long> perEndpoint = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, LongAdder> e : requests.entrySet()) {
            long n = e.getValue().sum();
            perEndpoint.put(e.getKey(), n);
            total += n;
        }
        return new AccountStats(accountNo, total, perEndpoint, liveQuoteSockets.get(), liveTradeSockets.get(),
                maxConcurrentQuoteSockets.get(), refusedDuplicateQuoteSockets.get(), subscribedSymbols.get(),
                rateLimitedQuoteRequests.get());
    }
}
