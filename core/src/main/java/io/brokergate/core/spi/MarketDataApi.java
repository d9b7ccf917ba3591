package io.brokergate.core.spi;

import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.TradingDays;
import io.brokergate.core.market.TradingSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Request/response market data. Calls pass through the adapter's governor: a call that would
 * exceed the broker's limit waits for a slot instead of earning a broker error.
 */
public interface MarketDataApi {

    CompletionStage<List<Quote>> quotes(List<InstrumentId> instruments);

    CompletionStage<Depth> depth(InstrumentId instrument);

    CompletionStage<List<TradeTick>> trades(InstrumentId instrument, int count);

    /** The latest {@code count} bars, newest last. */
    CompletionStage<List<Bar>> candles(InstrumentId instrument, BarPeriod period, int count);

    /** Bars whose open time lies in {@code [from, to]}, oldest first. */
    CompletionStage<List<Bar>> historyCandles(InstrumentId instrument, BarPeriod period, Instant from, Instant to);

    CompletionStage<List<Instrument>> instruments(List<InstrumentId> instruments);

    CompletionStage<List<TradingSession>> tradingSessions();

    CompletionStage<TradingDays> tradingDays(Market market, LocalDate from, LocalDate to);
}
