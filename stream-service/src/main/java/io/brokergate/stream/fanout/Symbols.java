package io.brokergate.stream.fanout;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The symbols of a market-data subscription, validated with {@link InstrumentId#parse}. */
public final class Symbols {

    private Symbols() {
    }

    /** @throws GatewayException INVALID_REQUEST for a missing list or a malformed symbol */
    public static List<InstrumentId> parse(List<String> symbols, StreamKind stream) {
        if (symbols == null || symbols.isEmpty()) {
            throw GatewayException.invalid("stream " + stream.wireName() + " needs symbols");
        }
        LinkedHashSet<InstrumentId> out = new LinkedHashSet<>();
        for (String s : symbols) {
            try {
                out.add(InstrumentId.parse(s));
            } catch (IllegalArgumentException e) {
                throw GatewayException.invalid(e.getMessage());
            }
        }
        return new ArrayList<>(out);
    }
}
