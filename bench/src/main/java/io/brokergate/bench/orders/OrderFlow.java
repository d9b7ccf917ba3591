package io.brokergate.bench.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.sim.engine.SimConfig;
import io.brokergate.sim.market.SimInstrument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders a trading bot would send: one lot of a stock of the paper exchange's listing (Hong
 * Kong, US and China A-shares, round robin), nine in ten a limit buy 1–4 % below the bid so it
 * rests on the book, one in ten a limit buy 1 % above the ask so it fills at once. Prices come from
 * the exchange's admin API (refreshed while the load runs) and are rounded to the instrument's tick.
 */
final class OrderFlow {

    /** Best prices of one instrument. */
    private record Touch(BigDecimal bid, BigDecimal ask) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<Instrument> instruments = SimConfig.defaultInstruments().stream().map(SimInstrument::instrument)
            .filter(Instrument::isTradable).toList();
    private final SimAdminClient admin;
    private volatile Map<String, Touch> touches = Map.of();

    OrderFlow(SimAdminClient admin) {
        this.admin = admin;
        refreshPrices();
    }

    /** As {@link #refreshPrices()} for a schedule: a failed read keeps the last prices and the schedule alive. */
    void refreshPricesQuietly() {
        try {
            refreshPrices();
        } catch (RuntimeException e) {
            System.err.println("prices not refreshed: " + e.getMessage());
        }
    }

    /** Reads the current bid and ask of every instrument (one admin call). */
    void refreshPrices() {
        // A side of a book can be empty for a moment (marketable orders took it): keep its last prices then.
        Map<String, Touch> next = new HashMap<>(touches);
        for (JsonNode i : admin.get("/admin/instruments").path("instruments")) {
            if (i.hasNonNull("bid") && i.hasNonNull("ask")) {
                next.put(i.path("symbol").asText(), new Touch(new BigDecimal(i.path("bid").asText()),
                        new BigDecimal(i.path("ask").asText())));
            }
        }
        touches = next;
    }

    /** Whether order {@code seq} of a run crosses the spread (one in ten). */
    static boolean marketable(long seq) {
        return seq % 10 == 9;
    }

    /** The JSON body of order {@code seq}, with the given client order id. */
    String body(String clientOrderId, long seq) {
        Instrument instrument = instruments.get((int) (seq % instruments.size()));
        Touch touch = touches.get(instrument.id().symbol());
        for (int i = 1; touch == null && i < instruments.size(); i++) { // never had both sides yet: the next one
            instrument = instruments.get((int) ((seq + i) % instruments.size()));
            touch = touches.get(instrument.id().symbol());
        }
        if (touch == null) {
            throw new IllegalStateException("no instrument has a bid and an ask");
        }
        BigDecimal price = marketable(seq)
                ? instrument.ticks().round(touch.ask().multiply(new BigDecimal("1.01")), RoundingMode.UP)
                : instrument.ticks().round(touch.bid().multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(1 + seq % 4)
                        .divide(HUNDRED))), RoundingMode.DOWN);
        return "{\"client_order_id\":\"" + clientOrderId + "\",\"symbol\":\"" + instrument.id().symbol()
                + "\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":" + instrument.lotSize().toPlainString()
                + ",\"limit_price\":" + price.toPlainString() + ",\"time_in_force\":\"day\"}";
    }

    /** Cash that covers a long run of these orders in every currency of the listing. */
    static String ampleFunding() {
        return "{\"funding\":{\"HKD\":\"100000000000\",\"USD\":\"10000000000\",\"CNY\":\"100000000000\"}}";
    }
}
