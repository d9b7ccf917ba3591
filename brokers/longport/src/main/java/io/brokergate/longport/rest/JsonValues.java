package io.brokergate.longport.rest;

import java.util.List;

/** Null guards for response DTOs: the SDK demands every key, so we never emit null for them. */
final class JsonValues {

    private JsonValues() {
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
