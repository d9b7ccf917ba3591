package io.brokergate.sim.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A blocking client of the admin API ({@code /admin/**}) for tests, benchmarks and scripts: move
 * prices, inject latency, drop sockets, read the per-account request counters.
 */
public final class SimAdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    /** @param httpUrl the exchange's HTTP address, e.g. {@code http://127.0.0.1:8081} */
    public SimAdminClient(String httpUrl) {
        this.base = httpUrl.endsWith("/") ? httpUrl.substring(0, httpUrl.length() - 1) : httpUrl;
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)).build());
    }

    public void movePrice(String symbol, String price) {
        post("/admin/instruments/" + symbol + "/price", "{\"price\": \"" + price + "\"}");
    }

    /** Delay every broker answer by this much (0 turns it off). */
    public void latency(long millis) {
        post("/admin/latency", "{\"millis\": " + millis + "}");
    }

    /** {@code /admin/stats} of one account: live sockets, subscribed symbols, request counters by kind. */
    public JsonNode accountStats(String accountNo) {
        return get("/admin/stats").path("accounts").path(accountNo);
    }

    /** How many times an account sent one socket command or REST call, e.g. {@code quote 11 QuerySecurityQuote}. */
    public long requests(String accountNo, String command) {
        return accountStats(accountNo).path("requests").path(command).asLong();
    }

    /** Quote requests of the account the exchange refused for breaking the rate limit. */
    public long rateLimited(String accountNo) {
        return accountStats(accountNo).path("rate_limited_quote_requests").asLong();
    }

    /** All REST and socket requests the account has made, whatever their kind. */
    public long totalRequests(String accountNo) {
        return accountStats(accountNo).path("total_requests").asLong();
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(request.uri() + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
