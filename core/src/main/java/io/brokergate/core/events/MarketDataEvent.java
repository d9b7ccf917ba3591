package io.brokergate.core.events;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import java.util.List;
import java.util.Objects;

/**
 * A market-data push on the {@code market-data} channel, keyed by feed + instrument. The feed is
 * the account whose broker socket produced it: data bought through tenant A's connection is
 * tagged with A's tenant so it is never served to tenant B. Exactly one payload is set, matching
 * {@link #kind()}.
 */
public record MarketDataEvent(int version, Kind kind, EventStamp stamp, InstrumentId instrument,
                              Quote quote, Depth depth, List<TradeTick> trades)
        implements WireEvent {

    public static final int VERSION = 1;

    public enum Kind { QUOTE, DEPTH, TRADES }

    public MarketDataEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(instrument, "instrument");
        trades = trades == null ? null : List.copyOf(trades);
        boolean consistent = switch (kind) {
            case QUOTE -> quote != null && depth == null && trades == null;
            case DEPTH -> depth != null && quote == null && trades == null;
            case TRADES -> trades != null && quote == null && depth == null;
        };
        if (!consistent) {
            throw new IllegalArgumentException(kind + " event must carry exactly the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " payload");
        }
    }

    public static MarketDataEvent quote(EventStamp stamp, Quote q) {
        return new MarketDataEvent(VERSION, Kind.QUOTE, stamp, q.instrument(), q, null, null);
    }

    public static MarketDataEvent depth(EventStamp stamp, Depth d) {
        return new MarketDataEvent(VERSION, Kind.DEPTH, stamp, d.instrument(), null, d, null);
    }

    public static MarketDataEvent trades(EventStamp stamp, InstrumentId instrument, List<TradeTick> ticks) {
        return new MarketDataEvent(VERSION, Kind.TRADES, stamp, instrument, null, null, ticks);
    }

    /** Message key: feed + instrument, so one instrument's pushes stay ordered on one partition. */
    @Override
    public String key() {
        return stamp.accountId() + '|' + instrument.symbol();
    }
}
