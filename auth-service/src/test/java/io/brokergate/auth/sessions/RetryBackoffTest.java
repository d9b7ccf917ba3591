package io.brokergate.auth.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void doublesUpToTheCap() {
        RetryBackoff b = new RetryBackoff(Duration.ofMinutes(1), Duration.ofHours(1), () -> 0.5);
        assertEquals(Duration.ofMinutes(1), b.after(1));
        assertEquals(Duration.ofMinutes(2), b.after(2));
        assertEquals(Duration.ofMinutes(32), b.after(6));
        assertEquals(Duration.ofHours(1), b.after(7));
        assertEquals(Duration.ofHours(1), b.after(1000));
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        assertEquals(Duration.ofSeconds(80), new RetryBackoff(Duration.ofSeconds(1), Duration.ofHours(1), () -> 0.0)
                .jitter(Duration.ofSeconds(100)));
        Duration high = new RetryBackoff(Duration.ofSeconds(1), Duration.ofHours(1), () -> 0.999999)
                .jitter(Duration.ofSeconds(100));
        assertTrue(high.compareTo(Duration.ofSeconds(120)) < 0 && high.compareTo(Duration.ofSeconds(119)) > 0);
    }
}
