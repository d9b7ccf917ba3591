package io.brokergate.allinone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * stream-service's client streams inside the packaged all-in-one application: the TradingView
 * streams answer in TradingView's envelope, the data-integration stream admits only server tokens,
 * and the WebSocket endpoint authenticates the demo user and keeps a connection healthy through
 * bad requests. (Read-only: the application is shared with the other ITs.)
 */
@QuarkusIntegrationTest
class TradingViewStreamingIT {

    @TestHTTPResource("/v1/stream")
    URI stream;

    @Test
    void theDataIntegrationStreamAdmitsOnlyServerTokens() {
        given().get("/tv/streaming").then().statusCode(401).contentType(startsWith("application/json"))
                .body("s", is("error"));
        given().auth().oauth2(DemoUser.login()).get("/tv/streaming").then().statusCode(403)
                .body("s", is("error")).body("errmsg", startsWith("/streaming is for TradingView's servers"));
    }

    @Test
    void tradingViewStreamsRefuseInTheirEnvelopeBeforeStreaming() {
        String token = DemoUser.login();
        given().auth().oauth2(token).get("/tv/stream/quotes?locale=en&symbols=700.HK").then().statusCode(400)
                .body("s", is("error")).body("errmsg", equalTo("accountId is required"));
        given().auth().oauth2(token).get("/tv/stream/quotes?locale=en&accountId=no-such-account&symbols=700.HK").then()
                .statusCode(404).body("s", is("error")).body("errmsg", equalTo("account not found"));
        given().auth().oauth2(token).get("/tv/accounts/no-such-account/stream/netPositions").then().statusCode(404)
                .body("s", is("error"));
        given().get("/tv/accounts/no-such-account/stream/orders").then().statusCode(401).body("s", is("error"));
    }

    @Test
    void theWebSocketAuthenticatesAndStaysHealthyThroughBadRequests() throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + DemoUser.login())
                .buildAsync(URI.create(stream.toString().replaceFirst("^http", "ws")), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            assertTrue(next(received).contains("\"type\":\"authenticated\""));
            ws.sendText("{\"op\":\"subscribe\",\"id\":\"x\",\"stream\":\"orders\",\"account\":\"no-such-account\"}", true).join();
            String error = next(received);
            assertTrue(error.contains("\"code\":\"not_found\"") && error.contains("\"ref\":\"x\""), error);
            ws.sendText("{\"op\":\"ping\",\"id\":\"p\"}", true).join();
            assertEquals("{\"type\":\"pong\",\"ref\":\"p\"}", next(received));
        } finally {
            ws.abort();
        }
    }

    private static String next(LinkedBlockingQueue<String> received) throws InterruptedException {
        String m = received.poll(10, TimeUnit.SECONDS);
        while (m != null && m.contains("\"type\":\"heartbeat\"")) {
            m = received.poll(10, TimeUnit.SECONDS);
        }
        if (m == null) {
            throw new AssertionError("no message within 10 s");
        }
        return m;
    }
}
