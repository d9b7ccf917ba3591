package io.brokergate.quote.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Wall-clock time, unless another {@link MarketClock} is deployed. */
@DefaultBean
@ApplicationScoped
public class SystemMarketClock implements MarketClock {

    @Override
    public Instant now() {
        return Instant.now();
    }
}
