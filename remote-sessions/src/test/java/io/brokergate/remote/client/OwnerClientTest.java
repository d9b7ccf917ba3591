package io.brokergate.remote.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.OrderAck;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.messaging.shards.AccountOwners.Owner;
import io.brokergate.remote.wire.OwnerJson;
import io.brokergate.remote.wire.OwnerProblems;
import io.brokergate.api.security.cluster.ServiceCredential;
import io.brokergate.remote.wire.SpiSamples;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against HTTP servers that answer the way owners do: moved accounts, owners that never
 * answer, broker failures. A place that may have been sent is never sent twice.
 */
class OwnerClientTest {

    private static final String ACCOUNT = "acc-a";
    private static final ServiceCredential CREDENTIAL = new ServiceCredential("brokergate-introspection", Optional.of("s3cret"));

    private final Vertx vertx = Vertx.vertx();
    private final List<HttpServer> servers = new ArrayList<>();
    private final AtomicReference<Owner> owner = new AtomicReference<>();
    private final OwnerClient client = new OwnerClient(vertx, account -> Optional.ofNullable(owner.get()), CREDENTIAL,
            limits(Duration.ofMillis(500), 4096));
    private final BrokerSession session = new RemoteBrokerSession(client, ACCOUNT);

    @AfterEach
    void stop() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aPodThatNoLongerOwnsTheAccountSendsTheCallToTheNewOwnerOnce() {
        List<String> seenByOld = new CopyOnWriteArrayList<>();
        List<String> seenByNew = new CopyOnWriteArrayList<>();
        String newOwner = serve(seenByNew, r -> ok(r, new OrderAck("ord-1", "cid-1")));
        String oldOwner = serve(seenByOld, r -> {
            owner.set(new Owner(newOwner, 2)); // the claims moved on meanwhile
            r.response().setStatusCode(421).end(Buffer.buffer(OwnerProblems.notOwner(ACCOUNT, r.path())));
        });
        owner.set(new Owner(oldOwner, 1));

        OrderAck ack = done(session.trading().place(SpiSamples.gtdLimit()));

        assertEquals(new OrderAck("ord-1", "cid-1"), ack);
        assertEquals(List.of("/internal/v1/accounts/acc-a/trading/place"), seenByOld);
        assertEquals(List.of("/internal/v1/accounts/acc-a/trading/place"), seenByNew);
    }

    @Test
    void notOwnerWithoutANewerOwnerIsBrokerUnavailableAfterOneRequest() {
        List<String> seen = new CopyOnWriteArrayList<>();
        owner.set(new Owner(serve(seen, r -> r.response().setStatusCode(421)
                .end(Buffer.buffer(OwnerProblems.notOwner(ACCOUNT, r.path())))), 1));

        GatewayException e = failure(session.trading().place(SpiSamples.gtdLimit()));

        assertEquals(ErrorCode.BROKER_UNAVAILABLE, e.code(), "nothing was placed: the caller may send the same key again");
        assertEquals(1, seen.size());
    }

    @Test
    void anUnreachableOwnerIsLookedUpAgain() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        String live = serve(seen, r -> ok(r, List.of(SpiSamples.shortPosition())));
        String gone = "http://127.0.0.1:" + freePort();
        owner.set(new Owner(gone, 1));
        AtomicReference<Owner> next = new AtomicReference<>(new Owner(live, 2)); // the claims move on after the first lookup
        OwnerClient moving = new OwnerClient(vertx, account -> Optional.of(owner.getAndSet(next.get())), CREDENTIAL,
                limits(Duration.ofMillis(500), 4096));
        try {
            assertEquals(List.of(SpiSamples.shortPosition()), done(new RemoteBrokerSession(moving, ACCOUNT).trading().positions("PA0000A")));
            assertEquals(1, seen.size());
        } finally {
            moving.close();
        }
    }

    @Test
    void aPlaceWithoutAnAnswerHasAnUnknownOutcomeAndIsNeverResent() {
        List<String> seen = new CopyOnWriteArrayList<>();
        owner.set(new Owner(serve(seen, r -> { }), 1)); // reads the order, never answers

        GatewayException e = failure(session.trading().place(SpiSamples.gtdLimit()));

        assertEquals(ErrorCode.TIMEOUT_UNKNOWN_OUTCOME, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("look it up by client order id"), e.getMessage());
        assertEquals(1, seen.size());
    }

    @Test
    void aReadWithoutAnAnswerIsBrokerUnavailable() {
        owner.set(new Owner(serve(new ArrayList<>(), r -> { }), 1));
        assertEquals(ErrorCode.BROKER_UNAVAILABLE, failure(session.trading().positions("PA0000A")).code());
    }

    @Test
    void theOwnersRateLimitArrivesWithItsRetryAfterAndBrokerCode() {
        GatewayException limited = new GatewayException(ErrorCode.RATE_LIMITED, "trade lane full", Duration.ofMillis(1500),
                "429002", null);
        owner.set(new Owner(serve(new ArrayList<>(), r -> r.response().setStatusCode(429)
                .end(Buffer.buffer(OwnerProblems.encode(limited, r.path())))), 1));

        GatewayException e = failure(session.trading().place(SpiSamples.gtdLimit()));

        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals("trade lane full", e.getMessage());
        assertEquals(Duration.ofMillis(1500), e.retryAfter());
        assertEquals("429002", e.brokerCode());
    }

    @Test
    void theServiceCredentialIsSentAndARefusalIsAConfigurationError() {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        owner.set(new Owner(serve(new ArrayList<>(), r -> {
            authorizations.add(r.getHeader("Authorization"));
            r.response().setStatusCode(401).end();
        }), 1));

        GatewayException e = failure(session.marketData().tradingSessions());

        assertEquals(ErrorCode.BROKER_UNAVAILABLE, e.code());
        assertEquals(CREDENTIAL.authorization().map(List::of).orElseThrow(), authorizations);
    }

    @Test
    void voidCallsAndEmptyOptionalsAndOversizedAnswers() {
        owner.set(new Owner(serve(new ArrayList<>(), r -> {
            switch (r.path().substring(r.path().lastIndexOf('/') + 1)) {
                case "cancel" -> r.response().setStatusCode(204).end();
                case "order" -> ok(r, null);
                default -> r.response().end(Buffer.buffer(new byte[10_000]));
            }
        }), 1));

        assertEquals(null, done(session.trading().cancel("PA0000A", "ord-1")));
        assertEquals(Optional.empty(), done(session.trading().order("PA0000A", "ord-1")));
        assertEquals(ErrorCode.BROKER_UNAVAILABLE, failure(session.trading().balances("PA0000A")).code());
    }

    @Test
    void withoutAKnownOwnerNothingIsSentAndThereIsNoPushSocket() {
        assertEquals(ErrorCode.BROKER_UNAVAILABLE, failure(session.trading().positions("PA0000A")).code());
        assertThrows(UnsupportedOperationException.class, session::push);
    }

    private String serve(List<String> seen, Handler<HttpServerRequest> answer) {
        HttpServer server = vertx.createHttpServer().requestHandler(r -> r.body().onSuccess(body -> {
            seen.add(r.path());
            answer.handle(r);
        }));
        servers.add(server);
        int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
        return "http://127.0.0.1:" + port;
    }

    private static void ok(HttpServerRequest r, Object value) {
        r.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(OwnerJson.write(value)));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static <T> T done(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static GatewayException failure(CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> stage.toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof GatewayException, String.valueOf(e.getCause()));
        return (GatewayException) e.getCause();
    }

    private static OwnerClient.Limits limits(Duration timeout, int maxAnswerBytes) {
        return new OwnerClient.Limits(timeout, Duration.ofSeconds(1), 4, maxAnswerBytes);
    }
}
