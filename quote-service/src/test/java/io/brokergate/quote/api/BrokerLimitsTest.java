package io.brokergate.quote.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.quote.testing.SimMarket;
import io.brokergate.quote.testing.SimMarketProfile;
import io.brokergate.quote.testing.TestAccounts;
import io.brokergate.quote.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker never sees more than it allows: identical concurrent requests share one call, and a
 * burst of distinct ones is spread by the account's governor so LongPort's 10 quote calls per second
 * and 5 in flight hold — the paper exchange refuses (and counts) any call beyond them.
 */
@QuarkusTest
@TestProfile(SimMarketProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class BrokerLimitsTest {

    static final String PA_B = TestAccounts.brokerNo(TestAccounts.B);
    static final ObjectMapper JSON = new ObjectMapper();

    @InjectFakeAuthServer
    FakeAuthServer auth;
    @Inject
    SimMarket market;
    @TestHTTPResource("/v1/quotes")
    URI quotes;
    SimAdminClient admin;
    ExecutorService pool;
    HttpClient http;
    String tokenB;

    @BeforeEach
    void setUp() {
        Tokens.publish(auth);
        admin = market.admin();
        tokenB = Tokens.user(TestAccounts.TENANT_B);
        pool = Executors.newFixedThreadPool(16);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool).build();
    }

    @AfterEach
    void tearDown() {
        admin.latency(0);
        pool.shutdownNow();
    }

    @Test
    void aThousandConcurrentIdenticalRequestsCostOneBrokerCall() {
        String symbol = SimMarket.extraSymbol(110);
        admin.latency(1500); // the broker's answer takes long enough for every request to arrive meanwhile
        long before = admin.requests(PA_B, QuotesApiTest.QUOTE_CALL);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            answers.add(http.sendAsync(get("symbols=" + symbol), HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> prices = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            HttpResponse<String> r = a.join();
            assertEquals(200, r.statusCode(), r.body());
            prices.add(read(r.body()).path("quotes").get(0).path("last").asText());
        }
        assertEquals(1, prices.size(), "everyone got the same answer");
        assertEquals(before + 1, admin.requests(PA_B, QuotesApiTest.QUOTE_CALL), "one broker call for 1000 requests");
    }

    @Test
    void aBurstOfHundredDistinctSymbolsIsSpreadWithinTheBrokersLimit() {
        long before = admin.requests(PA_B, QuotesApiTest.QUOTE_CALL);
        long refusedBefore = admin.rateLimited(PA_B);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(http.sendAsync(get("symbols=" + SimMarket.extraSymbol(i)), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            HttpResponse<String> r = a.join();
            assertEquals(200, r.statusCode(), r.body());
        }
        assertEquals(before + 100, admin.requests(PA_B, QuotesApiTest.QUOTE_CALL), "one call per distinct symbol");
        assertEquals(refusedBefore, admin.rateLimited(PA_B), "the exchange refused none: 10 per second and 5 in flight held");
    }

    private HttpRequest get(String query) {
        return HttpRequest.newBuilder(URI.create(quotes + "?" + query)).header("Authorization", "Bearer " + tokenB)
                .timeout(Duration.ofSeconds(60)).GET().build();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
