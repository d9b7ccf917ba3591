package io.brokergate.quote.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** sim-exchange's admin API over HTTP, as an operator would use it. */
public final class SimAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public SimAdmin(String httpUrl) {
        this.base = httpUrl.endsWith("/") ? httpUrl.substring(0, httpUrl.length() - 1) : httpUrl;
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)).build());
    }

    /** How many times an account sent a socket command or REST call, e.g. {@code quote 11 QuerySecurityQuote}. */
    public long requests(String accountNo, String command) {
        return get("/admin/stats").path("accounts").path(accountNo).path("requests").path(command).asLong();
    }

    /** Quote requests of the account the exchange refused for breaking the rate limit. */
    public long rateLimited(String accountNo) {
        return get("/admin/stats").path("accounts").path(accountNo).path("rate_limited_quote_requests").asLong();
    }

    public void latency(int millis) {
        post("/admin/latency", "{\"millis\":" + millis + "}");
    }

    public void movePrice(String symbol, String price) {
        post("/admin/instruments/" + symbol + "/price", "{\"price\":\"" + price + "\"}");
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
