package io.brokergate.longport.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.longport.wire.ResponseStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerErrorsTest {

    @Test
    void restCodesMapIntoTheTaxonomy() {
        Map<Integer, ErrorCode> expected = Map.ofEntries(
                Map.entry(401003, ErrorCode.UNAUTHENTICATED), Map.entry(401999, ErrorCode.UNAUTHENTICATED),
                Map.entry(403201, ErrorCode.UNAUTHENTICATED), Map.entry(403203, ErrorCode.UNAUTHENTICATED),
                Map.entry(403205, ErrorCode.FORBIDDEN), Map.entry(429001, ErrorCode.RATE_LIMITED),
                Map.entry(429002, ErrorCode.RATE_LIMITED), Map.entry(500000, ErrorCode.BROKER_UNAVAILABLE),
                Map.entry(602001, ErrorCode.INVALID_REQUEST), Map.entry(602002, ErrorCode.INVALID_REQUEST),
                Map.entry(602003, ErrorCode.INVALID_REQUEST), Map.entry(602004, ErrorCode.INSUFFICIENT_FUNDS),
                Map.entry(602005, ErrorCode.BROKER_REJECTED), Map.entry(602006, ErrorCode.BROKER_REJECTED),
                Map.entry(602007, ErrorCode.NOT_FOUND), Map.entry(602008, ErrorCode.BROKER_REJECTED),
                Map.entry(602009, ErrorCode.INVALID_REQUEST), Map.entry(602010, ErrorCode.INVALID_REQUEST),
                Map.entry(700123, ErrorCode.BROKER_REJECTED));
        expected.forEach((code, mapped) -> {
            GatewayException e = BrokerErrors.rest(400, code, "broker says no", null);
            assertEquals(mapped, e.code(), "code " + code);
            assertEquals(Integer.toString(code), e.brokerCode());
            assertTrue(e.getMessage().contains("broker says no"), e.getMessage());
        });
    }

    @Test
    void serverErrorsAreRetryableAndRateLimitsCarryRetryAfter() {
        GatewayException e = BrokerErrors.rest(503, 123, "busy", null);
        assertEquals(ErrorCode.BROKER_UNAVAILABLE, e.code());
        assertTrue(e.code().retryable());
        GatewayException limited = BrokerErrors.rest(429, 429002, "slow down", Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(3), limited.retryAfter());
        assertNotNull(BrokerErrors.rest(429, 429001, "", null).retryAfter());
    }

    @Test
    void lotSizeViolationKeepsTheReason() {
        GatewayException e = BrokerErrors.rest(400, 602002, "quantity 150 is not a multiple of lot size 100", null);
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("lot"), e.getMessage());
        assertTrue(e.getMessage().contains("150"), e.getMessage());
    }

    @Test
    void httpStatusesWithoutEnvelope() {
        assertEquals(ErrorCode.UNAUTHENTICATED, BrokerErrors.http(401, null).code());
        assertEquals(ErrorCode.RATE_LIMITED, BrokerErrors.http(429, null).code());
        assertEquals(ErrorCode.BROKER_UNAVAILABLE, BrokerErrors.http(502, null).code());
    }

    @Test
    void socketErrors() {
        int bad = ResponseStatus.BAD_REQUEST.code();
        assertEquals(ErrorCode.INVALID_REQUEST, BrokerErrors.socket("quote", bad, 301600, "no such symbol").code());
        GatewayException cap = BrokerErrors.socket("quote", bad, 301605, "too many");
        assertEquals(ErrorCode.INVALID_REQUEST, cap.code());
        assertTrue(cap.getMessage().contains("500"), cap.getMessage());
        GatewayException limited = BrokerErrors.socket("quote", bad, 301606, "");
        assertEquals(ErrorCode.RATE_LIMITED, limited.code());
        assertNotNull(limited.retryAfter());
        assertEquals(ErrorCode.UNAUTHENTICATED, BrokerErrors.socket("trade", ResponseStatus.UNAUTHENTICATED.code(), 0, "").code());
        assertEquals(ErrorCode.FORBIDDEN, BrokerErrors.socket("quote", bad, 301604, "").code());
        assertEquals(ErrorCode.BROKER_UNAVAILABLE,
                BrokerErrors.socket("quote", ResponseStatus.SERVER_INTERNAL_ERROR.code(), 0, "").code());
    }
}
