package io.brokergate.quote.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Quote;
import io.brokergate.quote.candles.LiveMinuteBars;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.feeds.FeedScope;
import io.brokergate.quote.feeds.ScopedInstrument;
import io.brokergate.quote.quotes.QuoteBook;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cache follows the account's current socket owner: pushes of a previous owner and redeliveries
 * never overwrite it, while the instruments of one feed are numbered (and on Kafka ordered) apart.
 */
class MarketDataConsumerTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    private static final InstrumentId ALIBABA = InstrumentId.parse("9988.HK");
    private static final Account ACCOUNT = new Account("acc-1", "tenant-a", "conn-1", BrokerId.PAPER, "PA1", "acc-1", "HKD",
            AccountKind.PAPER);
    private static final FeedScope SCOPE = new FeedScope("tenant-a", BrokerId.PAPER);

    private final QuoteConfig config = config();
    private final QuoteBook book = new QuoteBook(config);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MarketDataConsumer consumer = new MarketDataConsumer(new FeedRouter(directory(), null, null), book,
            new LiveMinuteBars(config), meters);

    @Test
    void aStaleOwnersPushesAndRedeliveriesNeverOverwriteTheCurrentOwnersQuote() {
        push(5, 1, TENCENT, "600");
        push(4, 9, TENCENT, "700");   // the previous owner, still publishing
        push(5, 1, TENCENT, "650");   // a redelivery after a rebalance
        assertEquals(new BigDecimal("600"), last(TENCENT));

        push(5, 2, TENCENT, "610");
        assertEquals(new BigDecimal("610"), last(TENCENT));
        push(6, 1, TENCENT, "620");   // the next owner starts its own numbering
        assertEquals(new BigDecimal("620"), last(TENCENT));
        assertEquals(2.0, meters.counter("brokergate.quote.events", "result", "dropped").count());
    }

    @Test
    void instrumentsOfOneFeedAreNumberedApartSoTheirInterleavingLosesNothing() {
        push(5, 1, TENCENT, "600");
        push(5, 1, ALIBABA, "80");
        push(5, 2, ALIBABA, "81");
        push(5, 2, TENCENT, "601");
        push(5, 3, TENCENT, "602");
        push(5, 3, ALIBABA, "82");
        assertEquals(new BigDecimal("602"), last(TENCENT));
        assertEquals(new BigDecimal("82"), last(ALIBABA));
        assertEquals(6.0, meters.counter("brokergate.quote.events", "result", "cached").count());
    }

    private void push(long epoch, long sequence, InstrumentId instrument, String last) {
        Instant now = Instant.now();
        consumer.onMarketData(MarketDataEvent.quote(new EventStamp("tenant-a", "acc-1", epoch, sequence, now),
                new Quote(instrument, new BigDecimal(last), null, null, null, null, null, null, null, null, 0, null, null, now)));
    }

    private BigDecimal last(InstrumentId instrument) {
        return book.quote(new ScopedInstrument(SCOPE, instrument)).orElseThrow().last();
    }

    private static AccountDirectory directory() {
        return new AccountDirectory() {
            @Override
            public Optional<Account> find(String accountId) {
                return ACCOUNT.id().equals(accountId) ? Optional.of(ACCOUNT) : Optional.empty();
            }

            @Override
            public List<Account> forTenant(String tenantId) {
                return ACCOUNT.tenantId().equals(tenantId) ? List.of(ACCOUNT) : List.of();
            }
        };
    }

    /** Every duration an hour (nothing expires during the test), every bound 10,000. */
    private static QuoteConfig config() {
        return proxy(QuoteConfig.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, a) -> {
            Class<?> r = m.getReturnType();
            if (r == Duration.class) {
                return Duration.ofHours(1);
            }
            if (r == int.class) {
                return 10_000;
            }
            return r.isInterface() ? proxy(r) : null;
        });
    }
}
