package io.brokergate.quote.testing;

import io.brokergate.quote.time.MarketClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;

/** quote-service's "now" is the paper exchange's: a manual clock moves both. */
@Alternative
@ApplicationScoped
public class SimMarketClock implements MarketClock {

    private final SimMarket market;

    public SimMarketClock(SimMarket market) {
        this.market = market;
    }

    @Override
    public Instant now() {
        return market.exchange().clock().now();
    }
}
