package io.brokergate.stream.tradingview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a TradingView stream line by line over HTTP/1.1; every line must be exactly one JSON value. */
public final class LineClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Stream<String> body;
    private final HttpResponse<Stream<String>> response;

    private LineClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.body = response.body();
        Thread reader = new Thread(() -> {
            try {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "tv-stream-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream and checks it is a chunked JSON stream (status 200). */
    public static LineClient open(String url, String token) throws Exception {
        LineClient c = connect(url, token);
        assertEquals(200, c.response.statusCode());
        assertTrue(c.response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("chunked", c.response.headers().firstValue("Transfer-Encoding").orElse(""));
        return c;
    }

    /** Sends the request whatever the answer (for refusals: status and body through {@link #status()} and {@link #next()}). */
    public static LineClient connect(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new LineClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    public int status() {
        return response.statusCode();
    }

    public JsonNode next() throws Exception {
        return next(10);
    }

    public JsonNode next(int seconds) throws Exception {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no line within " + seconds + " s");
        }
        return parse(line);
    }

    /** The next line that is not a ping. */
    public JsonNode nextData() throws Exception {
        JsonNode n = next();
        while (n.isObject() && n.size() == 1 && "ok".equals(n.path("s").asText())) {
            n = next();
        }
        return n;
    }

    /** The raw next line, or null if none arrives within the time. */
    public String rawLine(long millis) throws InterruptedException {
        return lines.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Asserts that no line other than pings arrives within the time. */
    public void assertNoDataWithin(long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (line != null) {
                assertEquals("{\"s\":\"ok\"}", line, "only pings expected");
            }
        }
    }

    public static JsonNode parse(String line) throws Exception {
        assertFalse(line.contains("\r"));
        JsonParser parser = JSON.getFactory().createParser(line);
        JsonNode value = JSON.readTree(parser);
        assertNull(parser.nextToken(), "exactly one JSON value per line: " + line);
        return value;
    }

    @Override
    public void close() {
        body.close();
    }
}
