package io.brokergate.trade.tradingview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokergate.core.error.GatewayException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Numbers and forms as TradingView's browser client writes them, and confirmIds of previews. */
class TradingViewFormTest {

    @Test
    void javaScriptFloatNoiseIsRoundedAwayAndHostileNumbersRefused() {
        assertEquals(new BigDecimal("320.2"), TradingViewForm.number("limitPrice", "320.20000000000005"));
        assertEquals(0, new BigDecimal("100").compareTo(TradingViewForm.number("qty", "1e2")));
        assertNull(TradingViewForm.number("qty", null));
        for (String hostile : new String[] {"NaN", "Infinity", "-Infinity", "0x10", "1,000", "1e99999", "--1", "1.2.3", " "}) {
            assertThrows(GatewayException.class, () -> TradingViewForm.number("qty", hostile), hostile);
        }
        assertEquals("qty is too large", assertThrows(GatewayException.class,
                () -> TradingViewForm.number("qty", "1e308")).getMessage());
    }

    @Test
    void unknownKeysAreIgnoredAndKnownOnesMayNotRepeat() {
        TradingViewForm form = TradingViewForm.parse("qty=1&myField=a&myField=b&empty=", "application/x-www-form-urlencoded; charset=UTF-8",
                Set.of("qty", "empty"));
        assertEquals("1", form.text("qty"));
        assertNull(form.text("myField"));
        assertNull(form.text("empty"));
        assertThrows(GatewayException.class, () -> TradingViewForm.parse("qty=1&qty=2", "application/x-www-form-urlencoded",
                Set.of("qty")));
        assertNull(TradingViewForm.parse("", null, Set.of("qty")).text("qty"), "no body, no content type: an empty form");
    }

    @Test
    void aConfirmIdVouchesForOneOrderUntilItExpires() {
        Instant now = Instant.parse("2026-11-21T02:00:00Z");
        PreviewConfirmations issuer = new PreviewConfirmations(Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
        OrderTicket ticket = OrderTicket.newOrder(TradingViewForm.parse("instrument=700.HK&qty=100&side=buy&type=limit"
                + "&limitPrice=600&currentAsk=1", "application/x-www-form-urlencoded", OrderTicket.FIELDS));
        OrderTicket moreQty = OrderTicket.newOrder(TradingViewForm.parse("instrument=700.HK&qty=200&side=buy&type=limit"
                + "&limitPrice=600&currentAsk=2", "application/x-www-form-urlencoded", OrderTicket.FIELDS));
        String confirmId = issuer.issue("acc-a", null, ticket);
        issuer.verify(confirmId, "acc-a", null, ticket);
        assertThrows(GatewayException.class, () -> issuer.verify(confirmId, "acc-a", null, moreQty));
        assertThrows(GatewayException.class, () -> issuer.verify(confirmId, "acc-b", null, ticket));
        assertThrows(GatewayException.class, () -> issuer.verify(confirmId, "acc-a", "order-1", ticket));
        PreviewConfirmations later = new PreviewConfirmations(Duration.ofMinutes(5),
                Clock.fixed(now.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
        assertEquals("The order preview has expired: preview the order again",
                assertThrows(GatewayException.class, () -> later.verify(confirmId, "acc-a", null, ticket)).getMessage());
    }

    @Test
    void requestIdsBecomeClientOrderIdsThatFitTheKey() {
        assertEquals("tv-23425678343", TradingViewOrderResource.clientOrderId("23425678343"));
        String hashed = TradingViewOrderResource.clientOrderId("x".repeat(500));
        assertEquals(hashed, TradingViewOrderResource.clientOrderId("x".repeat(500)));
        assertEquals(true, hashed.length() <= 64 && hashed.startsWith("tv-h-"));
    }
}
