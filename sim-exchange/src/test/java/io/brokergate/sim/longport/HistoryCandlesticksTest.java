package io.brokergate.sim.longport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.brokergate.longport.proto.AuthRequest;
import io.brokergate.longport.proto.Period;
import io.brokergate.longport.proto.SecurityCandlestickResponse;
import io.brokergate.longport.proto.SecurityHistoryCandlestickRequest;
import io.brokergate.longport.wire.ControlCommand;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.Packets;
import io.brokergate.longport.wire.QuoteCommand;
import io.brokergate.sim.engine.ManualClock;
import io.brokergate.sim.engine.SimConfig;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * History candlesticks by date over a market that traded around the clock: a client paging one day
 * at a time reads the whole day even when it has more than 1000 minute bars. The market is driven
 * step by step on a manual clock: 1200 one-minute steps from 00:05 Hong Kong time.
 */
class HistoryCandlesticksTest {

    private static final int MINUTES = 1200;
    private static ManualClock clock;
    private static SimExchangeServer server;
    private static PaperCredentials account;
    private static Vertx vertx;

    @BeforeAll
    static void tradeTwentyHours() {
        clock = ManualClock.at(2026, 3, 2, 0, 5, "Asia/Hong_Kong");
        SimExchange exchange = SimExchange.create(SimConfig.defaults().toBuilder().historyDays(1)
                .initialAccounts(List.of()).build(), clock);
        server = SimExchangeServer.start(SimServerSettings.defaults().withHost("127.0.0.1").withPort(0), exchange);
        account = server.registerAccount(new PaperAccountSpec("HC1", null, "hc1-key", "hc1-secret", "hc1-token", Map.of()));
        for (int i = 0; i < MINUTES; i++) {
            clock.advance(Duration.ofMinutes(1));
            exchange.step().toCompletableFuture().join();
        }
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        server.close();
        vertx.close();
    }

    @Test
    void aSingleDayIsAnsweredWholeAndLongerRangesAreCapped() throws Exception {
        String otp = new LongPortRestClient(account).get("/v1/socket/token").data().get("otp").asText();
        try (LongPortSocketClient s = LongPortSocketClient.connect(vertx, account.quoteWsUrl())) {
            assertEquals(0, s.request(ControlCommand.AUTH, AuthRequest.newBuilder().setToken(otp).build()).status());
            // The index prints at every step: one minute bar per step.
            assertEquals(MINUTES, byDate(s, "20260302", "20260302").getCandlesticksCount());
            assertEquals(1000, byDate(s, "20260301", "20260302").getCandlesticksCount());
            SecurityCandlestickResponse day = byDate(s, "20260302", "20260302");
            long first = day.getCandlesticks(0).getTimestamp();
            long last = day.getCandlesticks(MINUTES - 1).getTimestamp();
            assertEquals((MINUTES - 1) * 60L, last - first, "consecutive minutes, oldest first");
            assertTrue(clock.now().getEpochSecond() - last < 120);
        }
    }

    private static SecurityCandlestickResponse byDate(LongPortSocketClient s, String from, String to)
            throws InvalidProtocolBufferException {
        Packet.Response r = s.request(QuoteCommand.QUERY_HISTORY_CANDLESTICK, SecurityHistoryCandlestickRequest.newBuilder()
                .setSymbol("HSI.HK").setPeriod(Period.PERIOD_ONE_MINUTE)
                .setQueryType(SecurityHistoryCandlestickRequest.QueryType.QUERY_TYPE_BY_DATE)
                .setDateRequest(SecurityHistoryCandlestickRequest.DateQuery.newBuilder().setStartDate(from).setEndDate(to))
                .build());
        assertEquals(0, r.status(), () -> Packets.errorOf(r).toString());
        return SecurityCandlestickResponse.parser().parseFrom(r.body());
    }
}
