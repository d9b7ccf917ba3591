package io.brokergate.core.capability;

import java.util.Locale;

/** The brokers Brokergate connects to; {@code PAPER} is the built-in sim-exchange. */
public enum BrokerId {
    LONGPORT, FUTU, ALICEBLUE, PAPER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
