package io.brokergate.quote.tradingview;

import io.brokergate.core.instrument.Market;
import io.brokergate.quote.config.QuoteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/**
 * TradingView symbol groups: one per market region ({@code <prefix>hk}, {@code <prefix>us},
 * {@code <prefix>cn}, {@code <prefix>sg}, {@code <prefix>in}), so a symbol is in exactly one group
 * and a user's permissions follow the markets their accounts serve. Group ids are
 * {@code [a-z_]} with the broker prefix, and must never disappear once published.
 */
@ApplicationScoped
public class TradingViewGroups {

    private final String prefix;

    public TradingViewGroups(QuoteConfig config) {
        this.prefix = config.tradingview().groupPrefix();
        if (!prefix.matches("[a-z_]+_")) {
            throw new IllegalStateException("brokergate.quote.tradingview.group-prefix must be lower-case letters and "
                    + "underscores ending in '_', not '" + prefix + "'");
        }
    }

    public String of(Market market) {
        return prefix + market.region().name().toLowerCase(Locale.ROOT);
    }

    /** The region a group id names, if it is one of ours. */
    public Optional<Market.Region> region(String group) {
        if (group == null || !group.startsWith(prefix)) {
            return Optional.empty();
        }
        String code = group.substring(prefix.length()).toUpperCase(Locale.ROOT);
        for (Market.Region r : Market.Region.values()) {
            if (r.name().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
