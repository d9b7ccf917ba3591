package io.brokergate.stream.fanout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.stream.fanout.FanoutHubBackpressureTest.RecordingTransport;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A busy event loop gets the newest market data, not a growing queue of tasks. */
class LoopDispatchTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() {
        vertx.close();
    }

    @Test
    void framesWaitingForABusyLoopAreReplacedByNewerOnes() throws Exception {
        Context loop = ((VertxInternal) vertx).createEventLoopContext();
        RecordingTransport transport = new RecordingTransport(true);
        ClientSession[] clients = {session(transport), session(transport)};
        DoubleAdder conflated = new DoubleAdder();
        LoopDispatch dispatch = new LoopDispatch(loop, new Object(), conflated::add);

        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop.runOnContext(v -> {
            busy.countDown();
            try {
                release.await(); // the loop is stuck in other work
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        busy.await();
        Frame last = null;
        for (int i = 0; i < 100; i++) {
            last = Frame.text("event", null, "{\"n\":" + i + "}");
            dispatch.offer(last, clients);
        }
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> transport.sent.size() == 2);
        assertSame(last, transport.sent.get(0), "only the newest frame reaches the clients");
        assertSame(last, transport.sent.get(1));
        assertEquals(99 * 2, conflated.sum(), "each replaced frame counts once per client");
    }

    private static ClientSession session(ClientTransport t) {
        ClientOutbox outbox = new ClientOutbox(t, 10, 4, new ClientOutbox.Listener() {
            @Override
            public void conflated() {
            }

            @Override
            public void tooSlow(ClientOutbox o) {
            }
        });
        return new ClientSession("s", new Caller("u", "t", Set.of(), AccountGrant.ALL, CredentialKind.USER, null, null), outbox, 10);
    }
}
