package io.brokergate.longport.quotes;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.longport.mapping.Decimals;
import io.brokergate.longport.mapping.QuoteMessages;
import io.brokergate.longport.proto.PushQuote;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Merges LongPort quote pushes (cmd 101), which are deltas, into the last full quote: an empty
 * or zero field keeps its previous value (longport.md §3.2). Trade status is the exception: its
 * zero value is NORMAL, and a resumed instrument must not look halted forever, so every push
 * carries the current status.
 */
public final class QuoteDelta {

    private QuoteDelta() {
    }

    /**
     * @param prev     last merged quote, or null before the first
     * @param bestBid  top of the depth book when depth is subscribed, else null (keeps the previous)
     * @param bestAsk  likewise
     */
    public static Quote merge(Quote prev, PushQuote push, InstrumentId id, DepthLevel bestBid, DepthLevel bestAsk) {
        Instant ts = Decimals.epochSeconds(push.getTimestamp());
        return new Quote(id,
                pick(push.getLastDone(), prev == null ? null : prev.last()),
                pick(push.getOpen(), prev == null ? null : prev.open()),
                pick(push.getHigh(), prev == null ? null : prev.high()),
                pick(push.getLow(), prev == null ? null : prev.low()),
                prev == null ? null : prev.prevClose(),
                bestBid != null ? bestBid.price() : prev == null ? null : prev.bid(),
                bestBid != null ? bestBid.quantity() : prev == null ? null : prev.bidSize(),
                bestAsk != null ? bestAsk.price() : prev == null ? null : prev.ask(),
                bestAsk != null ? bestAsk.quantity() : prev == null ? null : prev.askSize(),
                push.getVolume() != 0 || prev == null ? push.getVolume() : prev.volume(),
                pick(push.getTurnover(), prev == null ? null : prev.turnover()),
                QuoteMessages.phase(push.getTradeStatus()),
                ts != null ? ts : prev != null ? prev.timestamp() : Instant.now());
    }

    /**
     * Folds a snapshot (cmd 11) into the merged state: it supplies what pushes never carry (the
     * previous close) and fills fields no push has set yet; values from pushes are kept because
     * they may be newer than the snapshot.
     */
    public static Quote seed(Quote prev, Quote snapshot) {
        if (prev == null) {
            return snapshot;
        }
        return new Quote(prev.instrument(),
                or(prev.last(), snapshot.last()), or(prev.open(), snapshot.open()), or(prev.high(), snapshot.high()),
                or(prev.low(), snapshot.low()), or(snapshot.prevClose(), prev.prevClose()),
                or(prev.bid(), snapshot.bid()), or(prev.bidSize(), snapshot.bidSize()),
                or(prev.ask(), snapshot.ask()), or(prev.askSize(), snapshot.askSize()),
                prev.volume() != 0 ? prev.volume() : snapshot.volume(), or(prev.turnover(), snapshot.turnover()),
                prev.phase(), prev.timestamp().isAfter(snapshot.timestamp()) ? prev.timestamp() : snapshot.timestamp());
    }

    /** Empty or zero → the previous value; parsing only what changed keeps pushes cheap. */
    private static BigDecimal pick(String pushed, BigDecimal previous) {
        if (pushed.isEmpty()) {
            return previous;
        }
        BigDecimal d = Decimals.parse(pushed);
        return d == null || d.signum() == 0 ? previous : d;
    }

    private static BigDecimal or(BigDecimal a, BigDecimal b) {
        return a != null ? a : b;
    }
}
