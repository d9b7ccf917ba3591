package io.brokergate.sim.longport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.longport.rest.LongPortSigner;
import io.brokergate.sim.server.PaperCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Signs and sends LongPort REST calls the way the SDK does (longport.md §1.1-§1.2). */
public final class LongPortRestClient {

    public record Reply(int status, JsonNode body) {
        public int code() {
            return body.path("code").asInt(-1);
        }

        public JsonNode data() {
            return body.path("data");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String appKey;
    private final String appSecret;
    private volatile String token;

    public LongPortRestClient(PaperCredentials c) {
        this(c.httpUrl(), c.appKey(), c.appSecret(), c.accessToken());
    }

    public LongPortRestClient(String baseUrl, String appKey, String appSecret, String token) {
        this.baseUrl = baseUrl;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.token = token;
    }

    public LongPortRestClient withSecret(String secret) {
        return new LongPortRestClient(baseUrl, appKey, secret, token);
    }

    public LongPortRestClient withToken(String t) {
        return new LongPortRestClient(baseUrl, appKey, appSecret, t);
    }

    public LongPortRestClient withAppKey(String key) {
        return new LongPortRestClient(baseUrl, key, appSecret, token);
    }

    public Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    public Reply send(String method, String pathAndQuery, String body) {
        return send(method, pathAndQuery, body, freshTimestamp());
    }

    /** Millisecond timestamps, so that two identical calls in one second are not replays. */
    public static String freshTimestamp() {
        return Long.toString(System.currentTimeMillis());
    }

    public Reply send(String method, String pathAndQuery, String body, String timestamp) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return sendSigned(method, pathAndQuery, bytes, bytes, timestamp, null);
    }

    /**
     * @param signedBody what the signature covers; {@code sentBody} is what travels (differ to tamper)
     * @param signature  a precomputed X-Api-Signature (to replay), or null to sign now
     */
    public Reply sendSigned(String method, String pathAndQuery, byte[] signedBody, byte[] sentBody, String timestamp,
                            String signature) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        String sig = signature != null ? signature
                : LongPortSigner.sign(method, path, query, token, appKey, timestamp, signedBody, appSecret);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("X-Api-Key", appKey)
                .header("Authorization", token)
                .header("X-Timestamp", timestamp)
                .header("X-Api-Signature", sig)
                .header("Content-Type", "application/json; charset=utf-8")
                .method(method, sentBody.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(sentBody));
        return exchange(b.build());
    }

    public static String signatureFor(PaperCredentials c, String method, String pathAndQuery, String body, String ts) {
        int q = pathAndQuery.indexOf('?');
        return LongPortSigner.sign(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? "" : pathAndQuery.substring(q + 1), c.accessToken(), c.appKey(), ts,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), c.appSecret());
    }

    public static Reply exchange(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
            return new Reply(r.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
