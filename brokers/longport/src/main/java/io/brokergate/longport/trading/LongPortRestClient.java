package io.brokergate.longport.trading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.limits.OutboundGovernor;
import io.brokergate.longport.mapping.BrokerErrors;
import io.brokergate.longport.rest.LongPortEnvelope;
import io.brokergate.longport.rest.LongPortJson;
import io.brokergate.longport.rest.LongPortSigner;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * LongPort REST over a shared, non-blocking Vert.x {@link HttpClient}: signs every request
 * (longport.md §1.1-§1.2), decodes the {@code {code, message, data}} envelope and maps every
 * failure into the gateway's taxonomy. Each call first takes a slot of its rate-limit lane in the
 * account's {@link OutboundGovernor}. Thread-safe; results complete on a Vert.x event loop.
 */
public final class LongPortRestClient {

    /** Headers, URI and body of a signed request, ready to send; also what tests inspect. */
    public record SignedRequest(String method, String uri, Map<String, String> headers, byte[] body) {
    }

    private record Raw(int status, String retryAfter, Buffer body) {
    }

    private static final Logger LOG = Logger.getLogger(LongPortRestClient.class);
    static final int RATE_LIMIT_RETRIES = 2;

    private final Vertx vertx;
    private final HttpClient http;
    private final ApiCredentials credentials;
    private final OutboundGovernor governor;
    private final RequestClock clock;
    private final long timeoutMillis;
    private final long connectTimeoutMillis;
    private final String language;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String basePath;

    public LongPortRestClient(Vertx vertx, HttpClient http, String baseUrl, ApiCredentials credentials, OutboundGovernor governor,
                              Duration timeout, Duration connectTimeout, String language, RequestClock clock) {
        URI base = URI.create(baseUrl);
        if (base.getHost() == null || base.getScheme() == null) {
            throw GatewayException.invalid("LongPort REST endpoint is not an absolute URL: " + baseUrl);
        }
        this.vertx = vertx;
        this.http = http;
        this.credentials = credentials;
        this.governor = governor;
        this.clock = clock;
        this.timeoutMillis = timeout.toMillis();
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.language = language;
        this.ssl = "https".equalsIgnoreCase(base.getScheme());
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80;
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Sends {@code call} when its lane allows, decoding {@code data} into {@code type}. A broker
     * rate-limit refusal (429xxx) is retried through the lane up to twice: LongPort refuses such a
     * call before acting on it, so even a place is safe to resend, and a refusal despite the
     * governor only means that scheduling jitter squeezed two calls closer than they were sent.
     */
    public <T> CompletionStage<T> call(RestCall call, Class<T> type) {
        return attempt(call, type, 0);
    }

    private <T> CompletionStage<T> attempt(RestCall call, Class<T> type, int retries) {
        return governor.<T>submit(call.category(), () -> execute(call, type)).exceptionallyCompose(e -> {
            GatewayException g = BrokerErrors.unwrap(e);
            if (retries < RATE_LIMIT_RETRIES && isBrokerRateLimit(g)) {
                LOG.debugf("LongPort refused %s %s by rate limit (%s); retrying through the governor",
                        call.method(), call.path(), g.getMessage());
                return attempt(call, type, retries + 1);
            }
            return CompletableFuture.failedFuture(g);
        });
    }

    /** From LongPort itself (it carries the broker's code), not from our own governor's queue. */
    static boolean isBrokerRateLimit(GatewayException g) {
        return g.code() == ErrorCode.RATE_LIMITED && g.brokerCode() != null;
    }

    /** Signs a call (§1.2); the timestamp is fresh for every attempt so a resend is never a replay. */
    public SignedRequest sign(RestCall call) {
        String path = basePath + call.path();
        byte[] body = call.body();
        String timestamp = clock.next(fingerprint(call.method().name(), path, call.query(), body));
        String signature = LongPortSigner.sign(call.method().name(), path, call.query(), credentials.accessToken(),
                credentials.appKey(), timestamp, body, credentials.appSecret());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Api-Key", credentials.appKey());
        headers.put("Authorization", credentials.accessToken()); // raw token, no "Bearer"
        headers.put("X-Timestamp", timestamp);
        headers.put("X-Api-Signature", signature);
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Accept-Language", language);
        headers.put("User-Agent", "brokergate-longport");
        String uri = call.query().isEmpty() ? path : path + '?' + call.query();
        return new SignedRequest(call.method().name(), uri, headers, body);
    }

    /** Equal for identical requests (what the signature covers besides the timestamp and the fixed credentials). */
    static long fingerprint(String method, String path, String query, byte[] body) {
        long h = 31L * method.hashCode() + path.hashCode();
        h = 31L * h + query.hashCode();
        return 31L * h + Arrays.hashCode(body);
    }

    /**
     * The governor releases queued calls on its timer thread. Vert.x's HTTP client must be driven
     * from a Vert.x context: from a plain thread, reading the answer can race the event loop that
     * delivers it, and the answer is lost without any timeout firing (an order left submitting).
     */
    private <T> CompletionStage<T> execute(RestCall call, Class<T> type) {
        if (Vertx.currentContext() != null) {
            return exchange(call, type);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(ignored -> exchange(call, type).whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }));
        return result;
    }

    private <T> CompletionStage<T> exchange(RestCall call, Class<T> type) {
        SignedRequest signed = sign(call);
        RequestOptions options = new RequestOptions().setMethod(call.method()).setHost(host).setPort(port).setSsl(ssl)
                .setURI(signed.uri()).setConnectTimeout(connectTimeoutMillis).setIdleTimeout(timeoutMillis);
        signed.headers().forEach(options::putHeader);
        CompletableFuture<T> result = new CompletableFuture<>();
        http.request(options).onComplete(ar -> {
            if (ar.failed()) {
                // No connection, so nothing reached LongPort: safe to retry, even a place.
                result.completeExceptionally(BrokerErrors.unavailable("cannot reach LongPort at " + host + ":" + port, ar.cause()));
                return;
            }
            send(ar.result(), signed.body()).onComplete(sent -> {
                if (sent.failed()) {
                    result.completeExceptionally(afterSendFailure(call, sent.cause()));
                } else {
                    complete(result, call, sent.result(), type);
                }
            });
        });
        return result;
    }

    private static Future<Raw> send(HttpClientRequest req, byte[] body) {
        Future<HttpClientResponse> response = body == null ? req.send() : req.send(Buffer.buffer(body));
        return response.compose(r -> r.body().map(b -> new Raw(r.statusCode(), r.getHeader("Retry-After"), b)));
    }

    /** The request may have reached LongPort: for a place the outcome is unknown, never "retry". */
    private static GatewayException afterSendFailure(RestCall call, Throwable cause) {
        if (call.placesOrder()) {
            return new GatewayException(ErrorCode.TIMEOUT_UNKNOWN_OUTCOME, "LongPort did not answer the order "
                    + "submission; the order may exist: look it up by client order id before resending", null, null, cause);
        }
        return BrokerErrors.unavailable("LongPort did not answer " + call.method() + " " + call.path(), cause);
    }

    private <T> void complete(CompletableFuture<T> result, RestCall call, Raw raw, Class<T> type) {
        try {
            result.complete(decode(call, raw.status(), raw.retryAfter(), raw.body().getBytes(), type));
        } catch (GatewayException e) {
            result.completeExceptionally(e);
        }
    }

    /** Envelope decoding (§1.4): code 0 with non-null data is success; anything else is mapped. */
    static <T> T decode(RestCall call, int status, String retryAfterHeader, byte[] bytes, Class<T> type) {
        Duration retryAfter = retryAfter(retryAfterHeader);
        LongPortEnvelope<JsonNode> envelope = readEnvelope(bytes);
        if (envelope == null) {
            if (call.placesOrder() && (status == 502 || status == 504)) {
                return unknownOutcome("a gateway in front of LongPort answered HTTP " + status);
            }
            throw status >= 200 && status < 300
                    ? new GatewayException(ErrorCode.BROKER_REJECTED, "LongPort answered without an envelope")
                    : BrokerErrors.http(status, retryAfter);
        }
        if (!envelope.isSuccess()) {
            throw BrokerErrors.rest(status, envelope.code(), envelope.message(), retryAfter);
        }
        JsonNode data = envelope.data();
        if (data == null || data.isNull()) {
            if (call.placesOrder()) {
                return unknownOutcome("LongPort accepted the order but returned no order id");
            }
            throw new GatewayException(ErrorCode.BROKER_REJECTED, "LongPort answered success without data");
        }
        try {
            return LongPortJson.mapper().treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (call.placesOrder()) {
                return unknownOutcome("LongPort's answer to the order submission was unreadable");
            }
            throw new GatewayException(ErrorCode.BROKER_REJECTED, "unreadable LongPort data: " + e.getMessage());
        }
    }

    private static LongPortEnvelope<JsonNode> readEnvelope(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            JsonNode root = LongPortJson.mapper().readTree(bytes);
            if (root == null || !root.isObject() || !root.has("code")) {
                return null;
            }
            JsonNode message = root.has("message") ? root.get("message") : root.get("msg");
            return new LongPortEnvelope<>(root.get("code").asInt(), message == null ? "" : message.asText(), root.get("data"));
        } catch (IOException e) {
            return null;
        }
    }

    private static <T> T unknownOutcome(String why) {
        throw new GatewayException(ErrorCode.TIMEOUT_UNKNOWN_OUTCOME, why
                + "; look the order up by client order id before resending");
    }

    private static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
