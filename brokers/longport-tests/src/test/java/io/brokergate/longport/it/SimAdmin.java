package io.brokergate.longport.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The sim-exchange's admin API, as a test drives it (blocking calls on the test thread). */
final class SimAdmin {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    SimAdmin(String httpUrl) {
        this.base = httpUrl + "/admin";
    }

    String movePrice(String symbol, String price) {
        return post("/instruments/" + symbol + "/price", "{\"price\":\"" + price + "\"}");
    }

    String dropSockets(String accountNo, String mode, String socket) {
        return post("/accounts/" + accountNo + "/drop-sockets?mode=" + mode + "&socket=" + socket, "");
    }

    String pausePushes(String accountNo) {
        return post("/pushes/pause?account=" + accountNo, "");
    }

    String resumePushes(String accountNo) {
        return post("/pushes/resume?account=" + accountNo, "");
    }

    /** Delays every socket reply and REST answer of the exchange (0 clears). */
    String latency(long millis) {
        return post("/latency", "{\"millis\":" + millis + "}");
    }

    String stats() {
        return send(HttpRequest.newBuilder(URI.create(base + "/stats")).GET());
    }

    private String post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new AssertionError("admin " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new AssertionError("admin call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
