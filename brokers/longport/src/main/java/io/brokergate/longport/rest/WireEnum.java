package io.brokergate.longport.rest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A Java enum that travels as a fixed JSON string. */
public interface WireEnum {

    String wire();

    /**
     * Lookup table by exact wire string plus an upper-cased fallback, so that spelling drift such
     * as {@code GTC}/{@code Gtc} still resolves. Every enum here is unique ignoring case.
     */
    static <E extends Enum<E> & WireEnum> Map<String, E> index(E[] values) {
        Map<String, E> map = new HashMap<>(values.length * 4);
        for (E e : values) {
            map.put(e.wire(), e);
            map.putIfAbsent(e.wire().toUpperCase(Locale.ROOT), e);
        }
        return Map.copyOf(map);
    }

    static <E extends Enum<E> & WireEnum> E lookup(Map<String, E> index, String wire, E unknown) {
        if (wire == null) {
            return unknown;
        }
        E e = index.get(wire);
        if (e == null) {
            e = index.get(wire.toUpperCase(Locale.ROOT));
        }
        return e == null ? unknown : e;
    }
}
