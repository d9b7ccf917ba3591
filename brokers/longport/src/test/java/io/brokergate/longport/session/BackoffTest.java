package io.brokergate.longport.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleUpToTheCapWithinJitterBounds() {
        Backoff low = new Backoff(Duration.ofMillis(200), 2, Duration.ofSeconds(10), () -> 0.0);
        Backoff high = new Backoff(Duration.ofMillis(200), 2, Duration.ofSeconds(10), () -> 0.999999);
        long[] ceilings = {200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000};
        for (long c : ceilings) {
            assertEquals(c / 2, low.nextDelayMillis());
            assertEquals(c, high.nextDelayMillis());
        }
    }

    @Test
    void randomDelaysStayInBounds() {
        Backoff b = new Backoff(Duration.ofMillis(200), 2, Duration.ofSeconds(10));
        for (int attempt = 0; attempt < 200; attempt++) {
            long ceiling = b.ceilingMillis(Math.min(attempt, 60));
            long d = b.nextDelayMillis();
            assertTrue(d >= ceiling / 2 && d <= ceiling, "attempt " + attempt + ": " + d + " not in [" + ceiling / 2
                    + ", " + ceiling + "]");
        }
    }

    @Test
    void resetStartsOver() {
        Backoff b = new Backoff(Duration.ofMillis(200), 2, Duration.ofSeconds(10), () -> 0.999999);
        b.nextDelayMillis();
        b.nextDelayMillis();
        b.reset();
        assertEquals(200, b.nextDelayMillis());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, 2, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)));
    }
}
