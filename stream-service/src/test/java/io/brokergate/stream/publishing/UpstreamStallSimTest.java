package io.brokergate.stream.publishing;

import static io.brokergate.stream.upstream.SimUpstreamAccounts.ACCOUNT_A;
import static io.brokergate.stream.upstream.SimUpstreamAccounts.BROKER_NO_A;
import static org.awaitility.Awaitility.await;

import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.stream.events.ChannelStreamEvents;
import io.brokergate.stream.subscriptions.RefCountedUpstreamDemand;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.stream.upstream.SimUpstreamAccounts;
import io.brokergate.stream.upstream.SimUpstreamProfile;
import io.brokergate.stream.upstream.UpstreamSessions;
import io.brokergate.stream.upstream.UpstreamStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Paused pushes on an open socket with subscribed clients → a {@code stalled} status, then back to {@code connected}. */
@QuarkusTest
@TestProfile(UpstreamStallSimTest.LiveMarket.class)
class UpstreamStallSimTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");

    /** A moving market and a short stall threshold. */
    public static final class LiveMarket extends SimUpstreamProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put(SimUpstreamAccounts.LIVE_MARKET, "true");
            config.put("brokergate.stream.stall-after", "1500ms");
            return config;
        }
    }

    @Inject
    ChannelStreamEvents events;
    @Inject
    RefCountedUpstreamDemand demand;
    @Inject
    UpstreamSessions sessions;
    @Inject
    SimUpstreamAccounts upstream;

    private final List<AccountEvent> statuses = new CopyOnWriteArrayList<>();
    private final List<MarketDataEvent> quotes = new CopyOnWriteArrayList<>();
    private SimAdminClient admin;

    @AfterEach
    void resume() {
        admin.post("/admin/pushes/resume", null);
        demand.release(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE);
    }

    @Test
    void pausedPushesAreReportedAsStalledUntilTheyResume() {
        admin = new SimAdminClient(upstream.sim().httpUrl());
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions.statuses().stream().filter(UpstreamStatus::isLive).count() == 2);
        Cancellable s1 = events.accountEvents().filter(e -> e.kind() == AccountEvent.Kind.CONNECTION
                && e.stamp().accountId().equals(ACCOUNT_A)).subscribe().with(statuses::add);
        Cancellable s2 = events.marketData().filter(e -> e.stamp().accountId().equals(ACCOUNT_A)).subscribe().with(quotes::add);
        try {
            demand.acquire(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE).await().atMost(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> quotes.size() >= 3);
            // A moving market keeps the socket from looking stalled.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> !states().contains("stalled"));

            admin.post("/admin/pushes/pause?account=" + BROKER_NO_A, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> states().contains("stalled") && phase() == UpstreamStatus.Phase.STALLED);

            admin.post("/admin/pushes/resume", null);
            await().atMost(Duration.ofSeconds(10)).until(() -> states().lastIndexOf("connected") > states().indexOf("stalled")
                    && phase() == UpstreamStatus.Phase.CONNECTED);
        } finally {
            s1.cancel();
            s2.cancel();
        }
    }

    private List<String> states() {
        return statuses.stream().map(e -> e.connection().state()).toList();
    }

    private UpstreamStatus.Phase phase() {
        return sessions.statuses().stream().filter(s -> s.accountId().equals(ACCOUNT_A)).findFirst().orElseThrow().phase();
    }
}
