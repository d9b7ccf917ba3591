package io.brokergate.remote.client;

import static io.brokergate.remote.wire.OwnerCalls.CANDLES;
import static io.brokergate.remote.wire.OwnerCalls.DEPTH;
import static io.brokergate.remote.wire.OwnerCalls.HISTORY_CANDLES;
import static io.brokergate.remote.wire.OwnerCalls.INSTRUMENTS;
import static io.brokergate.remote.wire.OwnerCalls.QUOTES;
import static io.brokergate.remote.wire.OwnerCalls.TRADES;
import static io.brokergate.remote.wire.OwnerCalls.TRADING_DAYS;
import static io.brokergate.remote.wire.OwnerCalls.TRADING_SESSIONS;

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
import io.brokergate.core.spi.MarketDataApi;
import io.brokergate.remote.wire.OwnerArgs.Candles;
import io.brokergate.remote.wire.OwnerArgs.Days;
import io.brokergate.remote.wire.OwnerArgs.HistoryCandles;
import io.brokergate.remote.wire.OwnerArgs.InstrumentRef;
import io.brokergate.remote.wire.OwnerArgs.Instruments;
import io.brokergate.remote.wire.OwnerArgs.None;
import io.brokergate.remote.wire.OwnerArgs.Trades;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@link MarketDataApi} of an account whose socket another pod owns: LongPort's quote requests travel
 * on the account's one quote socket, so they can only be made by its owner.
 */
final class RemoteMarketDataApi implements MarketDataApi {

    private static final None NONE = new None();

    private final OwnerClient owner;
    private final String accountId;

    RemoteMarketDataApi(OwnerClient owner, String accountId) {
        this.owner = owner;
        this.accountId = accountId;
    }

    @Override
    public CompletionStage<List<Quote>> quotes(List<InstrumentId> instruments) {
        return owner.call(accountId, QUOTES, new Instruments(instruments));
    }

    @Override
    public CompletionStage<Depth> depth(InstrumentId instrument) {
        return owner.call(accountId, DEPTH, new InstrumentRef(instrument));
    }

    @Override
    public CompletionStage<List<TradeTick>> trades(InstrumentId instrument, int count) {
        return owner.call(accountId, TRADES, new Trades(instrument, count));
    }

    @Override
    public CompletionStage<List<Bar>> candles(InstrumentId instrument, BarPeriod period, int count) {
        return owner.call(accountId, CANDLES, new Candles(instrument, period, count));
    }

    @Override
    public CompletionStage<List<Bar>> historyCandles(InstrumentId instrument, BarPeriod period, Instant from, Instant to) {
        return owner.call(accountId, HISTORY_CANDLES, new HistoryCandles(instrument, period, from, to));
    }

    @Override
    public CompletionStage<List<Instrument>> instruments(List<InstrumentId> instruments) {
        return owner.call(accountId, INSTRUMENTS, new Instruments(instruments));
    }

    @Override
    public CompletionStage<List<TradingSession>> tradingSessions() {
        return owner.call(accountId, TRADING_SESSIONS, NONE);
    }

    @Override
    public CompletionStage<TradingDays> tradingDays(Market market, LocalDate from, LocalDate to) {
        return owner.call(accountId, TRADING_DAYS, new Days(market, from, to));
    }
}
