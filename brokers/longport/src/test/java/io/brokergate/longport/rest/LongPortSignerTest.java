package io.brokergate.longport.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.longport.rest.LongPortSigner.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Test vectors from longport.md §1.2 (secret "secret", token "tok", key "key", ts 1700000000). */
class LongPortSignerTest {

    static final String SECRET = "secret";
    static final String TOKEN = "tok";
    static final String KEY = "key";
    static final String TS = "1700000000";
    static final String GET_QUERY = "symbol=700.HK&symbol=AAPL.US";
    static final byte[] POST_BODY = ("{\"symbol\":\"700.HK\",\"order_type\":\"LO\",\"side\":\"Buy\","
            + "\"submitted_quantity\":\"100\",\"time_in_force\":\"Day\",\"submitted_price\":\"50\","
            + "\"expire_date\":null}").getBytes(StandardCharsets.UTF_8);
    static final String GET_SIGNATURE = "53501d25fe3102df84bffca0c7b78f023618aeb1ee76022bd9266fb9c5f00de1";
    static final String POST_SIGNATURE = "0ce4b38b2efc06abde870e8e51399cdc2d12e162feff8fa94112327aac4bf111";
    static final String PREFIX = "HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp, Signature=";

    @Test
    void getVector() {
        assertEquals("f5d0857cd8df47fca5d737ce69f43a8c68fe00c3",
                LongPortSigner.canonicalSha1("GET", "/v1/asset/stock", GET_QUERY, TOKEN, KEY, TS, null));
        assertEquals(PREFIX + GET_SIGNATURE,
                LongPortSigner.sign("GET", "/v1/asset/stock", GET_QUERY, TOKEN, KEY, TS, null, SECRET));
    }

    @Test
    void postVector() {
        assertEquals("7c0bc86cce22b674295cc047cc812e4bef0d45b5",
                LongPortSigner.canonicalSha1("POST", "/v1/trade/order", "", TOKEN, KEY, TS, POST_BODY));
        assertEquals(PREFIX + POST_SIGNATURE,
                LongPortSigner.sign("POST", "/v1/trade/order", "", TOKEN, KEY, TS, POST_BODY, SECRET));
        assertEquals(PREFIX + POST_SIGNATURE,
                LongPortSigner.sign("post", "/v1/trade/order", null, TOKEN, KEY, TS, POST_BODY, SECRET),
                "method is upper-cased and a null query signs as empty");
    }

    @Test
    void emptyBodySignsLikeNoBody() {
        assertEquals(LongPortSigner.sign("DELETE", "/v1/trade/order", "order_id=1", TOKEN, KEY, TS, null, SECRET),
                LongPortSigner.sign("DELETE", "/v1/trade/order", "order_id=1", TOKEN, KEY, TS, new byte[0], SECRET));
    }

    @Test
    void verifiesBothVectors() {
        assertEquals(Outcome.VALID, LongPortSigner.verify(PREFIX + GET_SIGNATURE, "GET", "/v1/asset/stock",
                GET_QUERY, TOKEN, KEY, TS, null, SECRET).outcome());
        assertEquals(Outcome.VALID, LongPortSigner.verify(PREFIX + POST_SIGNATURE, "POST", "/v1/trade/order",
                "", TOKEN, KEY, TS, POST_BODY, SECRET).outcome());
        assertEquals(Outcome.VALID, LongPortSigner.verify("  " + PREFIX + POST_SIGNATURE.toUpperCase() + " ",
                "POST", "/v1/trade/order", "", TOKEN, KEY, TS, POST_BODY, SECRET).outcome());
    }

    @Test
    void tamperedBodyIsAMismatch() {
        byte[] tampered = new String(POST_BODY, StandardCharsets.UTF_8).replace("\"100\"", "\"1000\"")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(Outcome.MISMATCH, LongPortSigner.verify(PREFIX + POST_SIGNATURE, "POST", "/v1/trade/order",
                "", TOKEN, KEY, TS, tampered, SECRET).outcome());
        assertEquals(Outcome.MISMATCH, LongPortSigner.verify(PREFIX + POST_SIGNATURE, "POST", "/v1/trade/order",
                "", TOKEN, KEY, TS, null, SECRET).outcome());
    }

    @Test
    void anyOtherSignedInputIsAMismatch() {
        String h = PREFIX + GET_SIGNATURE;
        assertEquals(Outcome.MISMATCH, LongPortSigner.verify(h, "GET", "/v1/asset/stock",
                "symbol=AAPL.US&symbol=700.HK", TOKEN, KEY, TS, null, SECRET).outcome(), "query is not sorted");
        assertEquals(Outcome.MISMATCH, LongPortSigner.verify(h, "GET", "/v1/asset/stock", GET_QUERY, TOKEN, KEY,
                "1700000001", null, SECRET).outcome());
        assertEquals(Outcome.MISMATCH, LongPortSigner.verify(h, "GET", "/v1/asset/fund", GET_QUERY, TOKEN, KEY,
                TS, null, SECRET).outcome());
        assertEquals(Outcome.MISMATCH, LongPortSigner.verify(h, "GET", "/v1/asset/stock", GET_QUERY, "tok2", KEY,
                TS, null, SECRET).outcome());
    }

    @Test
    void wrongSecretIsAMismatch() {
        assertEquals(Outcome.MISMATCH, LongPortSigner.verify(PREFIX + GET_SIGNATURE, "GET", "/v1/asset/stock",
                GET_QUERY, TOKEN, KEY, TS, null, "secreT").outcome());
        // The per-thread HMAC re-keys correctly when secrets alternate.
        assertEquals(Outcome.VALID, LongPortSigner.verify(PREFIX + GET_SIGNATURE, "GET", "/v1/asset/stock",
                GET_QUERY, TOKEN, KEY, TS, null, SECRET).outcome());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "HMAC-SHA256",
        "HMAC-SHA1 SignedHeaders=authorization;x-api-key;x-timestamp, Signature=" + GET_SIGNATURE,
        "HMAC-SHA256 SignedHeaders=authorization;x-api-key, Signature=" + GET_SIGNATURE,
        "HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp",
        "HMAC-SHA256 Signature=" + GET_SIGNATURE,
        "HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp, Signature=abc",
        "HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp, Signature="
                + "zz501d25fe3102df84bffca0c7b78f023618aeb1ee76022bd9266fb9c5f00de1",
        "HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp, Signature="
                + GET_SIGNATURE + "00",
        "HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp; Signature=" + GET_SIGNATURE,
    })
    void malformedHeaders(String header) {
        assertEquals(Outcome.MALFORMED, LongPortSigner.verify(header, "GET", "/v1/asset/stock", GET_QUERY, TOKEN,
                KEY, TS, null, SECRET).outcome());
    }

    @Test
    void missingSignedHeaderValuesAreMalformed() {
        assertEquals(Outcome.MALFORMED, LongPortSigner.verify(PREFIX + GET_SIGNATURE, "GET", "/v1/asset/stock",
                GET_QUERY, null, KEY, TS, null, SECRET).outcome());
    }

    @Test
    void threadSafeWithInterleavedSecrets() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String secret = i % 2 == 0 ? SECRET : "other";
                results.add(pool.submit(() -> {
                    String h = LongPortSigner.sign("GET", "/v1/asset/stock", GET_QUERY, TOKEN, KEY, TS, null, secret);
                    return h.equals(PREFIX + GET_SIGNATURE) == secret.equals(SECRET);
                }));
            }
            for (Future<Boolean> r : results) {
                assertEquals(true, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
