package io.brokergate.stream.fanout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subscribers are kept both as one array and grouped by the event loop their connection writes on. */
class SubscribersTest {

    private final Vertx vertx = Vertx.vertx();
    private final Context loopA = ((io.vertx.core.impl.VertxInternal) vertx).createEventLoopContext();
    private final Context loopB = ((io.vertx.core.impl.VertxInternal) vertx).createEventLoopContext();

    @AfterEach
    void closeVertx() {
        vertx.close();
    }

    @Test
    void groupsFollowAddsAndRemoves() {
        assertNotSame(loopA, loopB);
        Subscribers subs = new Subscribers();
        ClientSession a1 = session(loopA);
        ClientSession b1 = session(loopB);
        ClientSession a2 = session(loopA);
        ClientSession inline = session(null);
        for (ClientSession s : new ClientSession[] {a1, b1, a2, inline, a1}) {
            subs.add(s);
        }
        assertArrayEquals(new ClientSession[] {a1, b1, a2, inline}, subs.current(), "added once each, in order");
        assertEquals(3, subs.byEventLoop().length);
        assertArrayEquals(new ClientSession[] {a1, a2}, group(subs, loopA));
        assertArrayEquals(new ClientSession[] {inline}, group(subs, null));

        subs.remove(b1);
        subs.remove(a1);
        subs.remove(b1); // not there any more: nothing changes
        assertArrayEquals(new ClientSession[] {a2, inline}, subs.current());
        assertEquals(2, subs.byEventLoop().length, "loop B has no subscriber left");
        assertArrayEquals(new ClientSession[] {a2}, group(subs, loopA));
        subs.remove(a2);
        subs.remove(inline);
        assertEquals(0, subs.byEventLoop().length);
    }

    private static ClientSession[] group(Subscribers subs, Context context) {
        return Arrays.stream(subs.byEventLoop()).filter(g -> g.context() == context).findFirst().orElseThrow().sessions();
    }

    private static ClientSession session(Context loop) {
        ClientTransport t = new ClientTransport() {
            @Override
            public void send(Frame frame, Sent done) {
                done.sent(null);
            }

            @Override
            public void close(String reason) {
            }

            @Override
            public String protocol() {
                return "test";
            }

            @Override
            public Context eventLoop() {
                return loop;
            }
        };
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
