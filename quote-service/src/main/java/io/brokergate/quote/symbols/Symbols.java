package io.brokergate.quote.symbols;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Symbols as clients send them: parsed into canonical ids with errors that name the culprit. */
public final class Symbols {

    /** A symbol as the client spelled it (TradingView wants it echoed unchanged) and its canonical id. */
    public record Requested(String asGiven, InstrumentId id) {
    }

    private Symbols() {
    }

    /** @throws GatewayException {@code invalid_request} for a missing or malformed symbol */
    public static InstrumentId parse(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw GatewayException.invalid("symbol is required (e.g. 700.HK)");
        }
        try {
            return InstrumentId.parse(symbol);
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalid(e.getMessage());
        }
    }

    /**
     * A comma-separated list, duplicates removed, order kept.
     *
     * @throws GatewayException {@code invalid_request} when empty, longer than {@code max} or malformed
     */
    public static List<Requested> parseList(String csv, int max) {
        if (csv == null || csv.isBlank()) {
            throw GatewayException.invalid("symbols is required: a comma-separated list such as 700.HK,AAPL.US");
        }
        String[] parts = csv.split(",", -1);
        if (parts.length > max) {
            throw GatewayException.invalid("at most " + max + " symbols per request, got " + parts.length
                    + ": split the list into several requests");
        }
        Map<InstrumentId, Requested> out = new LinkedHashMap<>();
        for (String p : parts) {
            if (p.isBlank()) {
                throw GatewayException.invalid("symbols contains an empty entry");
            }
            InstrumentId id = parse(p);
            out.putIfAbsent(id, new Requested(p.trim(), id));
        }
        return new ArrayList<>(out.values());
    }

    /** 404 naming the symbols the broker does not know. */
    public static GatewayException unknown(Collection<InstrumentId> ids) {
        String names = ids.stream().map(InstrumentId::symbol).sorted().collect(Collectors.joining(", "));
        return new GatewayException(ErrorCode.NOT_FOUND, (ids.size() == 1 ? "unknown symbol " : "unknown symbols ") + names);
    }
}
