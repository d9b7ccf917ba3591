package io.brokergate.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer onboarded the way a real one is: the bootstrapped platform operator signs in and
 * creates the tenant with its admin; the admin signs in through the tenant's console client, links
 * a paper connection and account on the exchange, and creates an API key for its bot.
 */
record Tenant(String accountId, String accountNo, String apiKey) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Tenant onboard(ServicePod auth, SimExchangeServer sim) {
        String operatorToken = new SignIn(auth.url()).accessToken("brokergate-operator", ClusterUnderTest.REDIRECT, "platform admin",
                ClusterUnderTest.OPERATOR, ClusterUnderTest.OPERATOR_PASSWORD);
        String adminLogin = "desk-admin-" + UUID.randomUUID().toString().substring(0, 8);
        String adminPassword = "desk admin password " + UUID.randomUUID();
        JsonNode created = call(auth, "POST", "/v1/admin/tenants", operatorToken,
                Map.of("name", "desk-" + UUID.randomUUID(), "admin_login", adminLogin, "admin_password", adminPassword), 201);
        String console = created.path("console_client_id").asText();
        String admin = new SignIn(auth.url()).accessToken(console, ClusterUnderTest.REDIRECT, "admin trade quotes:read accounts:read",
                adminLogin, adminPassword);

        String accountNo = "CL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        PaperCredentials paper = sim.registerAccount(new PaperAccountSpec(accountNo, "cluster desk", "key-" + accountNo,
                "secret-" + accountNo, "token-" + accountNo, Map.of("HKD", new BigDecimal("100000000"))));
        JsonNode connection = call(auth, "POST", "/v1/admin/connections", admin, Map.of("broker", "paper", "name", "paper desk",
                "credentials", Map.of("app_key", paper.appKey(), "app_secret", paper.appSecret(), "access_token", paper.accessToken()),
                "endpoints", Map.of("http", paper.httpUrl(), "quote_ws", paper.quoteWsUrl(), "trade_ws", paper.tradeWsUrl())), 201);
        JsonNode account = call(auth, "POST", "/v1/admin/connections/" + connection.path("id").asText() + "/accounts", admin,
                Map.of("broker_account_no", accountNo, "name", "desk", "currency", "HKD", "kind", "paper"), 201);
        JsonNode key = call(auth, "POST", "/v1/admin/api-keys", admin, Map.of("name", "bot",
                "scopes", List.of("trade", "quotes:read", "accounts:read"), "accounts", List.of("*")), 201);
        return new Tenant(account.path("id").asText(), accountNo, key.path("key").asText());
    }

    /** A JSON call with a bearer credential; fails unless the status is the expected one. */
    static JsonNode call(ServicePod pod, String method, String path, String bearer, Object body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pod.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + pod.name() + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.read(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pod.name() + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
