package io.brokergate.remote.wire;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The arguments of the SPI calls that take more than one record, one record per shape. Account ids
 * here are what the SPI takes (the broker's account number); the gateway's account id is in the path.
 */
public final class OwnerArgs {

    private OwnerArgs() {
    }

    public record AccountRef(String accountId) {
    }

    public record OrderRef(String accountId, String orderId) {
    }

    public record ClientOrderRef(String accountId, String clientOrderId) {
    }

    public record AccountQuery(String accountId, OrderQuery query) {
        public AccountQuery {
            query = query == null ? OrderQuery.ALL : query;
        }
    }

    public record MaxQuantity(String accountId, InstrumentId instrument, Side side, OrderType type, BigDecimal price) {
    }

    public record Instruments(List<InstrumentId> instruments) {
        public Instruments {
            instruments = instruments == null ? List.of() : List.copyOf(instruments);
        }
    }

    public record InstrumentRef(InstrumentId instrument) {
    }

    public record Trades(InstrumentId instrument, int count) {
    }

    public record Candles(InstrumentId instrument, BarPeriod period, int count) {
    }

    public record HistoryCandles(InstrumentId instrument, BarPeriod period, Instant from, Instant to) {
    }

    public record Days(Market market, LocalDate from, LocalDate to) {
    }

    /** For calls without arguments: an empty object. */
    public record None() {
    }
}
