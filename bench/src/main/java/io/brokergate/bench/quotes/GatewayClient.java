package io.brokergate.bench.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A client of a running gateway: logs in with TradingView's password flow and sends authorized GETs. */
public final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public GatewayClient(String base, String login, String password) throws IOException, InterruptedException {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String form = "login=" + enc(login) + "&password=" + enc(password) + "&locale=en";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(this.base + "/tv/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (!"ok".equals(body.path("s").asText())) {
            throw new IllegalStateException("login refused: " + r.body());
        }
        this.token = body.path("d").path("access_token").asText();
    }

    HttpRequest get(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).GET().build();
    }

    /** Status and body of one request. */
    public HttpResponse<String> send(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(get(pathAndQuery), HttpResponse.BodyHandlers.ofString());
    }

    /** The bearer token of the login. */
    public String token() {
        return token;
    }

    HttpClient http() {
        return http;
    }

    public static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
