package io.brokergate.api.security.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthServiceClientTest {

    private final Vertx vertx = Vertx.vertx();
    private final FakeAuthServer server = FakeAuthServer.start();

    @AfterEach
    void stop() {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void everyCallFromAPlainThreadGetsItsAnswer() throws Exception {
        AuthServiceClient client = new AuthServiceClient(vertx, Duration.ofSeconds(2));
        int calls = 2_000;
        for (int i = 0; i < calls; i++) {
            // A lost answer would surface here as a TimeoutException: the bug lost about one in 500.
            client.get(server.baseUrl() + "/oauth/jwks", 1 << 16).toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        assertEquals(calls, server.jwksFetches());
    }
}
