package io.brokergate.trade.preview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * The fee schedule order previews estimate with ({@code brokergate.trade.fees.*}), per market
 * region ({@code hk}, {@code us}, {@code cn}) and rule. The defaults in this module's
 * {@code microprofile-config.properties} follow the published retail schedules of HK/US online
 * brokers and the exchange, regulator and government charges of each market; a deployment
 * replaces them with its broker's own (env vars such as
 * {@code BROKERGATE_TRADE_FEES_MARKETS_HK_RULES_PLATFORM_PER_ORDER}). Amounts are in the
 * instrument's currency.
 */
@ConfigMapping(prefix = "brokergate.trade.fees")
public interface FeeSettings {

    /** Rules per market region, lower case ({@code hk}, {@code us}, {@code cn}, {@code sg}, {@code in}). */
    Map<String, MarketFees> markets();

    interface MarketFees {
        /** By rule name; previews list them in name order. */
        Map<String, Rule> rules();
    }

    /**
     * One charge: {@code rate × notional + perShare × quantity + perOrder}, then clamped to
     * {@code minimum}/{@code maximum} and rounded to {@code decimals} with {@code rounding}.
     */
    interface Rule {
        /** What the preview calls it ("Stamp duty"). */
        String label();

        /** Fraction of the order's value: 0.001 is 0.1 %. */
        Optional<BigDecimal> rate();

        Optional<BigDecimal> perShare();

        Optional<BigDecimal> perOrder();

        Optional<BigDecimal> minimum();

        Optional<BigDecimal> maximum();

        /** Which orders pay it. */
        @WithDefault("both")
        AppliesTo appliesTo();

        @WithDefault("2")
        int decimals();

        /** HALF_UP, or UP where the charge is rounded up (HK stamp duty to the dollar, US SEC fee to the cent). */
        @WithDefault("HALF_UP")
        RoundingMode rounding();
    }

    enum AppliesTo { BOTH, BUY, SELL }
}
