package io.brokergate.api.security.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * The two auth-service endpoints that services call in cluster mode, on a random local port:
 * {@code GET /oauth/jwks} and {@code POST /oauth/introspect} (client_secret_basic as
 * {@code brokergate-introspection}). Counts calls so tests can assert caching and throttling.
 */
public final class FakeAuthServer implements AutoCloseable {

    public static final String INTROSPECTION_CLIENT = "brokergate-introspection";
    public static final String INTROSPECTION_SECRET = "test-introspection-secret";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, JsonObject> apiKeys = new ConcurrentHashMap<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger introspections = new AtomicInteger();
    private volatile Map<String, PublicKey> jwks = Map.of();
    private volatile boolean down;
    private volatile JsonObject accounts = new JsonObject().put("accounts", new JsonArray());
    private final AtomicInteger accountReads = new AtomicInteger();

    private FakeAuthServer() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public static FakeAuthServer start() {
        try {
            return new FakeAuthServer();
        } catch (Exception e) {
            throw new IllegalStateException("fake auth-service did not start", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Replaces the published key set (rotation: add the next key, later drop the old one). */
    public void publish(Map<String, PublicKey> keysByKid) {
        jwks = Map.copyOf(new LinkedHashMap<>(keysByKid));
    }

    /** Registers an API key and the introspection answer for it ({@code {"active":false}} for a revoked one). */
    public void apiKey(String key, JsonObject answer) {
        apiKeys.put(key, answer);
    }

    /** Both endpoints answer 503 while down. */
    public void down(boolean down) {
        this.down = down;
    }

    /** What {@code GET /internal/v1/accounts} answers from now on (to the introspection client only). */
    public void accounts(JsonObject list) {
        accounts = list;
    }

    public int accountReads() {
        return accountReads.get();
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public int introspections() {
        return introspections.get();
    }

    private void handle(HttpServerRequest request) {
        boolean jwksCall = "/oauth/jwks".equals(request.path());
        boolean introspectionCall = "/oauth/introspect".equals(request.path()) && "POST".equals(request.method().name());
        if (jwksCall) {
            jwksFetches.incrementAndGet();
        } else if (introspectionCall) {
            introspections.incrementAndGet();
        } else if ("/internal/v1/accounts".equals(request.path())) {
            accountReads.incrementAndGet();
        }
        if (down) {
            request.response().setStatusCode(503).end();
        } else if (jwksCall) {
            request.response().putHeader("Content-Type", "application/json").end(jwksJson());
        } else if (introspectionCall) {
            request.body().onSuccess(body -> introspect(request, body));
        } else if ("/internal/v1/accounts".equals(request.path())) {
            if (!serviceCredential().equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end();
            } else {
                request.response().putHeader("Content-Type", "application/json").end(accounts.encode());
            }
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private static String serviceCredential() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (INTROSPECTION_CLIENT + ":" + INTROSPECTION_SECRET).getBytes(StandardCharsets.UTF_8));
    }

    private void introspect(HttpServerRequest request, Buffer body) {
        if (!serviceCredential().equals(request.getHeader("Authorization"))) {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "invalid_client").encode());
            return;
        }
        String token = null;
        for (String pair : body.toString(StandardCharsets.UTF_8).split("&")) {
            if (pair.startsWith("token=")) {
                token = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        JsonObject answer = token == null ? null : apiKeys.get(token);
        request.response().putHeader("Content-Type", "application/json")
                .end((answer == null ? new JsonObject().put("active", false) : answer).encode());
    }

    private String jwksJson() {
        JsonArray keys = new JsonArray();
        jwks.forEach((kid, key) -> {
            try {
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
                jwk.setKeyId(kid);
                jwk.setUse("sig");
                jwk.setAlgorithm("RS256");
                keys.add(new JsonObject(jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return new JsonObject().put("keys", keys).encode();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
