package io.brokergate.longport.mapping;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import java.util.EnumSet;
import java.util.Set;

/**
 * Canonical ids and LongPort symbols are both {@code TICKER.MARKET} with the market after the
 * last dot; LongPort keys mainland China by exchange (SH/SZ) in symbols but by region (CN) in
 * calendars and positions.
 */
public final class Symbols {

    /** Markets LongPort serves. */
    public static final Set<Market> MARKETS = EnumSet.of(Market.HK, Market.US, Market.SH, Market.SZ, Market.SG);

    private Symbols() {
    }

    /** @throws GatewayException INVALID_REQUEST for a market LongPort does not serve */
    public static String toWire(InstrumentId id) {
        if (!MARKETS.contains(id.market())) {
            throw GatewayException.invalid("LongPort does not trade market " + id.market() + " (" + id + ")");
        }
        return id.symbol();
    }

    /** @return the id, or null when the broker sent something that is not a canonical symbol */
    public static InstrumentId parseOrNull(String symbol) {
        try {
            return InstrumentId.parse(symbol);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Market code of calendar requests (cmd 8/9): HK, US, CN, SG. */
    public static String regionCode(Market market) {
        if (!MARKETS.contains(market)) {
            throw GatewayException.invalid("LongPort has no calendar for market " + market);
        }
        return market.region().name();
    }

    /** @return the region for a calendar market code, or null when unknown */
    public static Market.Region region(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "HK" -> Market.Region.HK;
            case "US" -> Market.Region.US;
            case "CN", "SH", "SZ" -> Market.Region.CN;
            case "SG" -> Market.Region.SG;
            default -> null;
        };
    }
}
